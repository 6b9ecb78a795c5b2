import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const bin = resolve(import.meta.dirname, '../bin/codecard');
const dir = mkdtempSync(join(tmpdir(), 'codecard-cli-'));
const data = join(dir, 'store');

function codecard(...args: string[]) {
  return codecardIn(data, ...args);
}

function codecardIn(store: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [bin, '--data', store, ...args], {
    encoding: 'utf8',
    cwd: dir,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Sample wording written for this test; not AMA text.
const table =
  'Code,Long Descriptor,Short Descriptor\n99990,SAMPLE lumbar injection wording,SAMPLE short\n';

describe('the codecard CLI', () => {
  beforeAll(() => writeFileSync(join(dir, 'sample-table.csv'), table));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('imports, lists, looks up, searches and removes', () => {
    const imported = codecard('import', 'sample-table.csv', '--json');
    expect(imported.code).toBe(0);
    const [result] = (
      JSON.parse(imported.stdout) as {
        results: { status: string; rowsStored: number; document: { id: number } }[];
      }
    ).results;
    expect(result).toMatchObject({ status: 'imported', rowsStored: 1 });

    expect(codecard('import', 'sample-table.csv').stdout).toContain('already in the library');

    const code = codecard('code', '99990', '--json');
    expect(code.code).toBe(0);
    expect(JSON.parse(code.stdout)).toMatchObject({
      system: 'cpt',
      code: '99990',
      description: 'SAMPLE lumbar injection wording',
      shortDescription: 'SAMPLE short',
      sources: [{ documentId: result!.document.id, title: 'sample-table.csv', locator: 'line 2' }],
    });

    const missing = codecard('code', '99999');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('the library has no code 99999');

    const search = JSON.parse(codecard('search', 'lumbar injection', '--json').stdout) as {
      results: { code: string }[];
    };
    expect(search.results.map((r) => r.code)).toEqual(['99990']);

    const library = JSON.parse(codecard('library', '--json').stdout) as {
      documents: { id: number; kind: string }[];
    };
    expect(library.documents).toMatchObject([{ id: result!.document.id, kind: 'code-table' }]);

    const card = codecard('card', '99990', '--json');
    expect(card.code).toBe(0);
    expect(JSON.parse(card.stdout)).toMatchObject({
      code: '99990',
      sections: [{ id: 'descriptor' }],
    });
    const unknown = codecard('card', '99999');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('99999 is not in your library');

    const ask = codecard('ask', 'what is 99990?', '--json');
    expect(ask.code).toBe(0);
    const asked = JSON.parse(ask.stdout) as { threadId: string; answer: { kind: string } };
    expect(asked.answer.kind).toBe('card');
    const followUp = codecard('ask', 'and its units?', '--thread', asked.threadId);
    expect(followUp.stdout).toContain(`thread ${asked.threadId}`);
    const refused = codecard('ask', 'what is the capital of France?');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('not-found');

    expect(codecard('remove', String(result!.document.id)).code).toBe(0);
    expect(codecard('code', '99990').code).toBe(1);
    // Sixteen processes, each starting Node and tsx: a busy two-core machine needs the room.
  }, 180_000);

  test('performance reports what earlier commands recorded', () => {
    const store = join(dir, 'performance-store');
    expect(codecardIn(store, 'ask', 'what is the capital of France?').code).toBe(1);
    // The ask command wrote its usage event before it exited.
    const performance = JSON.parse(codecardIn(store, 'performance', '--json').stdout) as {
      answers: { totals: { questions: number; refused: number } };
      library: { gaps: { key: string; kind: string; count: number }[] };
    };
    expect(performance.answers.totals).toMatchObject({ questions: 1, refused: 1 });
    expect(performance.library.gaps).toContainEqual(
      expect.objectContaining({ key: 'capital france', kind: 'term', count: 1 }),
    );
    const report = codecardIn(store, 'performance', '--granularity', 'week');
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('1 questions · 0 answered (0%) · 1 refused (100%)');
    const backwards = codecardIn(
      store,
      'performance',
      '--from',
      '2026-03-02',
      '--to',
      '2026-03-01',
    );
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toContain('is after');
  });

  test('refuses bad input with a message and a non-zero exit', () => {
    writeFileSync(join(dir, 'empty.csv'), '');
    const empty = codecard('import', 'empty.csv');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('empty.csv: the file is empty');
    expect(codecard('frobnicate').code).toBe(2);
    expect(codecard('code', 'M54.16', '--dos', '2026-02-30').stderr).toContain(
      '--dos must be a date',
    );
    expect(codecard('import', 'nope.csv').stderr).toContain('nope.csv');
  });

  test('a second process on the same data directory gets a clear error; SIGTERM closes cleanly', async () => {
    const server = spawn(process.execPath, [bin, '--data', data, 'serve', '--port', '0'], {
      cwd: dir,
      env: { ...process.env, LOG_LEVEL: 'silent', PORT: '0', CODECARD_SKIP_WEB_BUILD: '1' },
    });
    let output = '';
    await new Promise<void>((resolveReady, reject) => {
      server.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('is running at')) resolveReady();
      });
      let errors = '';
      server.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      server.on('exit', (code) =>
        reject(new Error(`server exited early (${code}): ${output}${errors}`)),
      );
    });
    const second = codecard('library');
    expect(second.code).not.toBe(0);
    expect(second.stderr).toMatch(/in use by another Codecard process \(pid \d+\)/);

    const exited = new Promise<number | null>((r) => server.on('exit', (code) => r(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(data, 'codecard.lock'))).toBe(false);
    expect(codecard('library').code).toBe(0);
  });
});
