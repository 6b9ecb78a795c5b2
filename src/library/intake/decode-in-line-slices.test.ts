import { describe, expect, test } from 'vitest';
import { loopTurnsDuring } from '../../domain/test-loop-turns.ts';
import { decodeInLineSlices, decodeText } from './decode-text.ts';

const MB = 1024 * 1024;

/** `total` bytes of `unit` repeated, then `tail`. */
function repeated(unit: Buffer, total: number, tail: Buffer = Buffer.alloc(0)): Buffer {
  const body = Buffer.alloc(total - tail.length);
  for (let at = 0; at < body.length; at += unit.length) unit.copy(body, at, 0, body.length - at);
  return Buffer.concat([body, tail]);
}

async function read(bytes: Buffer, fileName = 'big.txt') {
  const decoded = await decodeInLineSlices(bytes, fileName);
  return { decoded, pieces: [...decoded.slices()] };
}

describe('decodeInLineSlices', () => {
  test('gives decodeText’s text and encoding, in pieces that end at line ends', async () => {
    // Multibyte characters on every line: only line ends may cut the text.
    const bytes = repeated(Buffer.from('€é😀 12345\n'), 13 * MB + 11);
    const { decoded, pieces } = await read(bytes);
    const whole = decodeText(bytes, 'big.txt');
    expect(decoded.encoding).toBe('utf-8');
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    for (const piece of pieces.slice(0, -1)) expect(piece.endsWith('\n')).toBe(true);
    expect(pieces.join('')).toBe(whole.text);
    expect(decoded.whole()).toBe(whole.text);
    expect(whole.text.startsWith(decoded.head)).toBe(true);
    expect(decoded.byteLength).toBe(bytes.length);
  });

  test('chooses Windows-1252 for the whole file when a byte far into it is not UTF-8', async () => {
    const bytes = repeated(
      Buffer.from('CPT 12345 Café\n'),
      9 * MB,
      Buffer.from([0x93, 0x71, 0x94]),
    );
    const { decoded, pieces } = await read(bytes, 'cms.txt');
    const whole = decodeText(bytes, 'cms.txt');
    expect(whole.encoding).toBe('windows-1252');
    expect(decoded.encoding).toBe('windows-1252');
    expect(pieces.join('')).toBe(whole.text);
    expect(pieces.at(-1)?.endsWith('“q”')).toBe(true);
  });

  test('skips a UTF-8 byte-order mark and reads UTF-16 with one', async () => {
    const marked = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a\tb\n')]);
    expect((await read(marked)).pieces.join('')).toBe('a\tb\n');
    const text = 'Code é\n'.repeat(1000);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const { decoded, pieces } = await read(le, 'w.csv');
    expect(decoded.encoding).toBe('utf-16le');
    expect(pieces.join('')).toBe(text);
  });

  test('refuses a NUL byte far into the file at the offset decodeText names', async () => {
    const bytes = repeated(Buffer.from('abc\n'), 9 * MB, Buffer.from([0x41, 0x00]));
    const offset = `byte ${bytes.length - 1} is NUL`;
    await expect(decodeInLineSlices(bytes, 'n.txt')).rejects.toThrow(offset);
    expect(() => decodeText(bytes, 'n.txt')).toThrow(offset);
  });

  test('lets other work run while a large file is checked', async () => {
    const bytes = repeated(Buffer.from('CPT 12345\n'), 40 * MB);
    const turnsWhileChecking = await loopTurnsDuring(() => decodeInLineSlices(bytes, 'big.txt'));
    // Checked in one call, the ticker would run at most once.
    expect(turnsWhileChecking).toBeGreaterThanOrEqual(4);
  });
});
