import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { currentServerBundle } from '../bin/server-bundle.mjs';
import { buildServerBundle } from '../scripts/server-bundle-build.ts';

const root = resolve(import.meta.dirname, '..');

describe('the server bundle `npm start` runs', () => {
  // Inside the project, as dist/server is: the bundle's packages resolve from node_modules.
  const outdir = join(root, 'dist', `server-test-${process.pid}`);
  const data = mkdtempSync(join(tmpdir(), 'codecard-bundle-'));
  const runCli = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { runCli } = await import(${JSON.stringify(pathToFileURL(join(outdir, 'main.mjs')).href)});
         process.exitCode = await runCli(process.argv.slice(1));`,
        '--',
        '--data',
        join(data, 'store'),
        ...args,
      ],
      { encoding: 'utf8', cwd: data },
    );

  beforeAll(async () => {
    expect(await buildServerBundle(outdir)).toBeGreaterThan(100);
  });
  afterAll(() => {
    rmSync(outdir, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  });

  test('finds the files beside its sources: the starter library, migrations, parser threads', () => {
    // `samples load` reads samples/ and parses in worker threads whose entries sit in src/; the
    // store is made from the migrations: each path is found by its module's own URL.
    const loaded = runCli('samples', 'load');
    expect(loaded.stderr).toBe('');
    expect(loaded.status).toBe(0);
    const card = runCli('card', '62264', '--dos', '2026-03-01', '--json');
    expect(card.status).toBe(0);
    const parsed = JSON.parse(card.stdout) as { code: string; sections: unknown[] };
    expect(parsed.code).toBe('62264');
    expect(parsed.sections.length).toBeGreaterThan(3);
  });
});

describe('which code bin/codecard runs', () => {
  let project: string;
  const rootUrl = () => pathToFileURL(`${project}/`);
  const age = (path: string, seconds: number) => {
    const when = new Date(Date.now() - seconds * 1000);
    utimesSync(join(project, path), when, when);
  };

  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'codecard-launch-'));
    mkdirSync(join(project, 'src'));
    mkdirSync(join(project, 'dist', 'server'), { recursive: true });
    writeFileSync(join(project, 'src', 'a.ts'), 'export {};\n');
    writeFileSync(join(project, 'dist', 'server', 'main.mjs'), 'export {};\n');
    writeFileSync(join(project, 'dist', 'server', 'inputs.txt'), 'src/a.ts\n');
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  test('the bundle while its sources are older', () => {
    age('src/a.ts', 60);
    expect(currentServerBundle(rootUrl())?.href).toBe(
      pathToFileURL(join(project, 'dist', 'server', 'main.mjs')).href,
    );
  });

  test('the sources once one of them is edited after the build', () => {
    age('dist/server/main.mjs', 120);
    expect(currentServerBundle(rootUrl())).toBeNull();
    age('dist/server/main.mjs', 0);
  });

  test('the sources when one the bundle was made from is gone, or there is no bundle', () => {
    rmSync(join(project, 'src', 'a.ts'));
    expect(currentServerBundle(rootUrl())).toBeNull();
    rmSync(join(project, 'dist'), { recursive: true });
    expect(currentServerBundle(rootUrl())).toBeNull();
  });
});
