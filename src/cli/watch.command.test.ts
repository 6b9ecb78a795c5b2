import { printedStdout } from '../../test/support/printed-stdout.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestLibrary, type TestLibrary } from '../../test/support/test-library.ts';
import { codecardFailure } from '../../test/support/codecard-failure.ts';
import { checkAllClaims } from '../check/check-claims.ts';
import { runWatch } from './watch.command.ts';

const printed = printedStdout;

describe('codecard watch', () => {
  let library: TestLibrary;

  beforeAll(async () => {
    library = await openTestLibrary();
  });
  afterAll(async () => library.opened.close());

  test('add, list (text and JSON), remove', async () => {
    const ctx = library.ctx;
    expect(await printed(() => runWatch(ctx, [], { json: false }))).toBe(
      'The watch list is empty.\n',
    );
    expect(await printed(() => runWatch(ctx, ['add', '64483', 'm54.50'], { json: false }))).toBe(
      'Added: 64483 M54.50\n',
    );
    expect(
      JSON.parse(await printed(() => runWatch(ctx, ['add', '64483'], { json: true }))),
    ).toEqual({ added: [], unchanged: ['64483'] });
    await checkAllClaims(
      ctx,
      [
        {
          id: 'PATIENT-CLI',
          setting: 'practitioner',
          lines: [
            {
              code: '20610',
              modifiers: [],
              units: 1,
              dateOfService: '2026-03-02',
              diagnoses: ['Z99.89'],
              provider: null,
              source: 'line 1',
            },
          ],
        },
      ],
      'en',
    );
    expect(await printed(() => runWatch(ctx, ['list'], { json: false }))).toBe(
      ['20610    cpt      checks', '64483    cpt      chosen', 'M54.50   icd10cm  chosen', ''].join(
        '\n',
      ),
    );
    const listed = JSON.parse(await printed(() => runWatch(ctx, ['list'], { json: true }))) as {
      codes: { code: string; sources: string[] }[];
    };
    expect(listed.codes.map((c) => [c.code, c.sources])).toEqual([
      ['20610', ['checks']],
      ['64483', ['chosen']],
      ['M54.50', ['chosen']],
    ]);
    expect(await printed(() => runWatch(ctx, ['remove', '64483', '62264'], { json: false }))).toBe(
      'Removed: 64483\nNot on the list: 62264\n',
    );
  });

  test('bad input is refused with BAD_INPUT', async () => {
    const ctx = library.ctx;
    for (const args of [['add'], ['add', 'banana'], ['frobnicate'], ['list']]) {
      const days = args[0] === 'list' ? { days: '-3' } : {};
      expect((await codecardFailure(runWatch(ctx, args, { json: false, ...days }))).code).toBe(
        'BAD_INPUT',
      );
    }
  });
});
