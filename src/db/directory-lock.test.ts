import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { lockDirectory } from './directory-lock.ts';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the data directory', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  test('is created for its owner only (0700), with the lock file 0600', () => {
    const parent = mkdtempSync(join(tmpdir(), 'codecard-mode-'));
    made.push(parent);
    const dir = join(parent, 'data');
    const lock = lockDirectory(dir);
    try {
      expect(modeOf(dir)).toBe(0o700);
      expect(modeOf(join(dir, 'codecard.lock'))).toBe(0o600);
    } finally {
      lock.release();
    }
  });

  test('an existing directory readable by others is tightened to 0700', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codecard-mode-'));
    made.push(dir);
    chmodSync(dir, 0o755);
    expect(modeOf(dir)).toBe(0o755);
    const lock = lockDirectory(dir);
    lock.release();
    expect(modeOf(dir)).toBe(0o700);
  });
});

/**
 * Each racer: a separate process that waits for the start signal (a file), tries to lock the
 * directory once, says how it went, and keeps the lock (stays alive) until its stdin closes.
 */
const racer = `
import { existsSync } from 'node:fs';
const { lockDirectory } = await import(${JSON.stringify(join(import.meta.dirname, 'directory-lock.ts'))});
const [dir, go] = process.argv.slice(-2);
process.stdout.write('ready\\n');
while (!existsSync(go)) await new Promise((r) => setTimeout(r, 2));
try {
  lockDirectory(dir);
  process.stdout.write('won\\n');
} catch (error) {
  process.stdout.write(error.code === 'STORE_LOCKED' ? 'locked\\n' : 'error ' + error.message + '\\n');
}
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
`;

function startRacer(dir: string, go: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', racer, dir, go],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines: string[] = [];
  /** Resolves once the racer has said `count` lines. */
  const said = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (lines.length >= count) resolve();
        else child.stdout.once('data', check);
      };
      check();
    });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text: string) => lines.push(...text.split('\n').filter(Boolean)));
  return { child, lines, said };
}

describe('a stale lock raced by many processes', () => {
  test('is taken over by exactly one of them', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codecard-race-'));
    try {
      // A dead owner: a process that has exited.
      const dead = spawn(process.execPath, ['-e', '']);
      await new Promise((resolve) => dead.once('exit', resolve));
      writeFileSync(join(dir, 'codecard.lock'), String(dead.pid), { mode: 0o600 });
      const go = join(dir, 'go');
      const racers = Array.from({ length: 12 }, () => startRacer(dir, go));
      await Promise.all(racers.map((r) => r.said(1)));
      writeFileSync(go, '');
      await Promise.all(racers.map((r) => r.said(2)));
      const outcomes = racers.map((r) => r.lines[1]);
      for (const r of racers) r.child.stdin.end();
      await Promise.all(racers.map((r) => new Promise((resolve) => r.child.once('exit', resolve))));
      expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'locked')).toHaveLength(racers.length - 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a takeover left behind by a process that died mid-way does not block the next start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codecard-race-'));
    try {
      const dead = spawn(process.execPath, ['-e', '']);
      await new Promise((resolve) => dead.once('exit', resolve));
      writeFileSync(join(dir, 'codecard.lock'), String(dead.pid));
      writeFileSync(join(dir, 'codecard.lock.takeover'), String(dead.pid));
      const lock = lockDirectory(dir);
      lock.release();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
