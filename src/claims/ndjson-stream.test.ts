import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CodecardError } from '../errors/codecard-error.ts';
import { byteLines } from './byte-lines.ts';
import { MAX_CLAIMS } from './claim-limits.ts';
import type { Claim } from './claim-types.ts';
import { parseNdjsonClaims } from './ndjson-claims.ts';
import { streamNdjsonClaims } from './ndjson-stream.ts';

/** The bytes cut into chunks of the given sizes (cycled), delivered by a Node stream. */
function chunked(bytes: Buffer, sizes: readonly number[]): AsyncIterable<Uint8Array> {
  function* pieces() {
    let at = 0;
    for (let i = 0; at < bytes.length; i++) {
      const size = sizes[i % sizes.length]!;
      yield bytes.subarray(at, at + size);
      at += size;
    }
  }
  return Readable.from(pieces());
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function errorOf(run: () => Promise<unknown>): Promise<CodecardError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof CodecardError) return error;
    throw error;
  }
  throw new Error('expected a CodecardError, but nothing was thrown');
}

const claimLine = (id: string, code = '99213') =>
  JSON.stringify({ id, dateOfService: '2024-01-10', lines: [{ code }] });

// Ids with two-, three- and four-byte UTF-8 characters, so chunk cuts land inside them.
const text = [
  '\uFEFF' + claimLine('Zoë-1'),
  '',
  `${claimLine('患者-2')}\r`,
  '   ',
  `${claimLine('🩺-3', '87880')}\r`,
  claimLine('plain-4'),
  '',
].join('\n');

describe('byteLines', () => {
  test('splits across chunk boundaries, drops LF and CRLF, keeps blank lines', async () => {
    const input = Buffer.from('ab\r\n\ncd\ne\u00e9\r\nlast');
    for (const size of [1, 2, 3, 5, 64]) {
      const lines = await collect(byteLines(chunked(input, [size]), 's', 100));
      expect(lines.map((l) => l.toString('utf8'))).toEqual(['ab', '', 'cd', 'e\u00e9', 'last']);
    }
  });

  test('a line over the limit is refused with its line number', async () => {
    const error = await errorOf(() =>
      collect(byteLines(chunked(Buffer.from('short\nmuch too long\n'), [3]), 's', 8)),
    );
    expect(error.message).toBe('s: line 2 is longer than 8 bytes');
  });
});

describe('streamNdjsonClaims', () => {
  const expected = parseNdjsonClaims(text, 'c.ndjson');

  test('gives the claims the whole-text parser gives, however the bytes are chunked', async () => {
    expect(expected.map((c) => c.id)).toEqual(['Zoë-1', '患者-2', '🩺-3', 'plain-4']);
    expect(expected[2]?.lines[0]?.source).toBe('line 5, service line 1');
    const bytes = Buffer.from(text);
    // One byte at a time cuts every multi-byte character and every CRLF.
    expect(await collect(streamNdjsonClaims(chunked(bytes, [1]), 'c.ndjson'))).toEqual(expected);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
        async (sizes) => {
          const claims = await collect(streamNdjsonClaims(chunked(bytes, sizes), 'c.ndjson'));
          expect(claims).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('yields claims before a later bad line, which is reported with its line number', async () => {
    const bytes = Buffer.from(`${text}\n{"id":"N3"\n`);
    const seen: Claim[] = [];
    const error = await errorOf(async () => {
      for await (const claim of streamNdjsonClaims(chunked(bytes, [7]), 'c.ndjson'))
        seen.push(claim);
    });
    expect(seen).toHaveLength(4);
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toMatch(/^c\.ndjson: line 8: not a JSON object/);
  });

  test('a duplicate claim id names both lines', async () => {
    const bytes = Buffer.from(`${claimLine('A')}\n\n${claimLine('B')}\n${claimLine('A')}\n`);
    const error = await errorOf(() => collect(streamNdjsonClaims(chunked(bytes, [10]), 'c')));
    expect(error.message).toBe('c: line 4: claim id "A" is already used at line 1');
  });

  test('a Windows-1252 line is read as such; a NUL byte is refused with its line', async () => {
    const latin = Buffer.concat([
      Buffer.from(`${claimLine('ok')}\n{"id":"Caf`),
      Buffer.from([0xe9]),
      Buffer.from('","dateOfService":"2024-01-10","lines":[{"code":"99213"}]}\n'),
    ]);
    const claims = await collect(streamNdjsonClaims(chunked(latin, [11]), 'c'));
    expect(claims.map((c) => c.id)).toEqual(['ok', 'Café']);
    const nul = Buffer.from(`${claimLine('ok')}\n{"id":"x\u0000"}\n`);
    const error = await errorOf(() => collect(streamNdjsonClaims(chunked(nul, [64]), 'c')));
    expect(error.code).toBe('BAD_ENCODING');
    expect(error.message).toMatch(/^c: line 2: byte \d+ is NUL/);
  });

  test('an input with no claims is refused', async () => {
    const error = await errorOf(() =>
      collect(streamNdjsonClaims(chunked(Buffer.from('\n \r\n'), [2]), 'c')),
    );
    expect(error.message).toBe('c: the file contains no claims');
  });

  test('a stream is not bound by the whole-file claim limit', async () => {
    const count = MAX_CLAIMS + 1;
    function* lines() {
      for (let i = 0; i < count; i += 1000) {
        let chunk = '';
        for (let j = i; j < Math.min(i + 1000, count); j++) chunk += `${claimLine(`C${j}`)}\n`;
        yield Buffer.from(chunk);
      }
    }
    let seen = 0;
    for await (const claim of streamNdjsonClaims(Readable.from(lines()), 'big')) {
      expect(claim.id).toBe(`C${seen}`);
      seen++;
    }
    expect(seen).toBe(count);
  });
});
