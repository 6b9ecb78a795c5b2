import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { openTestLibrary, type TestLibrary } from '../../test/support/test-library.ts';
import { runImport } from './import.command.ts';
import { runLibrary } from './library.command.ts';
import { reportError } from './output.ts';
import { terminalSafe } from './terminal-safe.ts';

const ESC = '\x1b';
// Retitles the window, clears the screen, a one-byte CSI, a carriage return and a bidi override.
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const controls = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]/;
const hostile = `A${ESC}]0;owned\x07B${ESC}[2JC\u009b31mD\rE\u202eF\x00G`;

describe('what the CLI prints from documents and files', () => {
  test('text loses control characters but keeps newlines and tabs', () => {
    expect(terminalSafe(hostile)).toBe('A]0;ownedB[2JC31mDEFG');
    expect(terminalSafe('one\ttwo\nthree')).toBe('one\ttwo\nthree');
    expect(terminalSafe('مرحبا 62264 — ok')).toBe('مرحبا 62264 — ok');
  });

  test('JSON keeps the data, escaped', () => {
    const json = terminalSafe(JSON.stringify({ title: hostile }), 'json');
    expect(json).not.toMatch(controls);
    expect(JSON.parse(json)).toEqual({ title: hostile });
  });

  describe('through the commands', () => {
    let library: TestLibrary;
    let dir: string;
    let printed: string[];
    beforeAll(async () => {
      library = await openTestLibrary();
      dir = mkdtempSync(join(tmpdir(), 'codecard-term-'));
    });
    afterAll(async () => {
      await library.opened.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const capture = () => {
      printed = [];
      const keep = (chunk: string | Uint8Array) => (printed.push(String(chunk)), true);
      vi.spyOn(process.stdout, 'write').mockImplementation(keep);
      vi.spyOn(process.stderr, 'write').mockImplementation(keep);
    };

    test('import, library listing and errors print no control characters', async () => {
      const file = join(dir, `guide${ESC}[31m.md`);
      writeFileSync(file, 'Report 62264 once per session.\n');
      capture();
      try {
        await runImport(library.ctx, [file, join(dir, `missing${ESC}[2J.txt`)], {
          json: false,
          title: `Title${ESC}]0;owned\x07`,
        });
        await runLibrary(library.ctx, false);
        reportError(new Error(`failed on ${hostile}`), false);
      } finally {
        vi.restoreAllMocks();
      }
      const all = printed.join('');
      expect(all).toContain('Title]0;owned');
      expect(all).toContain('guide[31m.md');
      expect(all).toContain('missing[2J.txt');
      expect(all).not.toMatch(controls);
    });
  });
});
