import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { importFile } from '../library/import.service.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';
import { runChanges } from './changes.command.ts';

// Sample MUE rows written for this test (not CMS content).
const header = 'HCPCS Code,Practitioner Services MUE Values,MUE Adjudication Indicator';
const releases: [string, string[], string][] = [
  ['mue-q1.csv', [header, '10001,1,2 Date of Service Edit: Policy'], '2026-01-01'],
  [
    'mue-q2.csv',
    [header, '10001,2,2 Date of Service Edit: Policy', '10002,1,1 Line Edit'],
    '2026-04-01',
  ],
];

/** What a command wrote to stdout, and its exit code. */
async function run(flags: Parameters<typeof runChanges>[1], ctx: LibraryContext) {
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    return { code: await runChanges(ctx, flags), out };
  } finally {
    write.mockRestore();
  }
}

describe('codecard changes', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary('pglite'));
    for (const [fileName, rows, effective] of releases) {
      await importFile(
        ctx,
        { fileName, bytes: Buffer.from(rows.join('\n')) },
        { kind: 'ncci-mue', setting: 'practitioner', effective },
      );
    }
  });
  afterAll(() => opened.close());

  test('without --from and --to: the releases it can compare', async () => {
    const { code, out } = await run({ json: false }, ctx);
    expect(code).toBe(0);
    expect(out).toMatch(/#1\s+ncci-mue:practitioner\s+2026-01-01\s+2026-01-01\s+complete/);
    expect((await run({ from: '2026-01-01', json: false }, ctx)).code).toBe(2);
  });

  test('a diff as text, narrowed to a code, and as CSV', async () => {
    const text = await run({ from: '2026-01-01', to: '2026-04-01', json: false }, ctx);
    expect(text.out).toContain('1 added, 1 mue-value-changed');
    expect(text.out).toMatch(
      /mue-value-changed\s+10001\s+mueValue\s+1 -> 2\s+#1 line 2; #2 line 2/,
    );
    const narrowed = await run({ from: '1', to: '#2', codes: '10002', json: true }, ctx);
    const diff = JSON.parse(narrowed.out) as { changes: { key: string }[] };
    expect(diff.changes.map((c) => c.key)).toEqual(['10002']);
    const csv = await run({ from: '2026-01-01', to: '2026-04-01', csv: true, json: false }, ctx);
    expect(csv.out.split('\n')[1]).toBe(
      'ncci-mue:practitioner,2026-01-01,2026-04-01,mue-value-changed,10001,10001,mueValue,1,2,line 2,line 2',
    );
  });
});
