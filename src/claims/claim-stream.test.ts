import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { readClaims } from './claim-input.ts';
import { openClaimStream } from './claim-stream.ts';
import type { Claim } from './claim-types.ts';

function chunks(text: string | Buffer, size = 5): AsyncIterable<Uint8Array> {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  function* pieces() {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  }
  return Readable.from(pieces());
}

async function read(text: string | Buffer, size?: number) {
  const stream = await openClaimStream(chunks(text, size), 'in', { setting: 'hospital' });
  const claims: Claim[] = [];
  for await (const claim of stream.claims) claims.push(claim);
  return { kind: stream.kind, claims };
}

const one = (id: string) =>
  JSON.stringify({ id, dateOfService: '2024-01-10', lines: [{ code: '99213' }] });

describe('openClaimStream', () => {
  test('NDJSON is streamed, with the same claims and setting as the whole-file reader', async () => {
    const text = `\n${one('A')}\r\n\n${one('B')}\n`;
    const streamed = await read(text, 3);
    expect(streamed.kind).toBe('streamed');
    expect(streamed.claims).toEqual(readClaims(Buffer.from(text), 'in', { setting: 'hospital' }));
    expect(streamed.claims[0]?.setting).toBe('hospital');
  });

  test.each([
    ['a JSON document', JSON.stringify({ claims: [JSON.parse(one('A')), JSON.parse(one('B'))] })],
    ['pretty-printed JSON', JSON.stringify({ claims: [JSON.parse(one('A'))] }, null, 2)],
    ['one claim on one line', `${one('A')}\n\n`],
    ['CSV', 'claim,date,code\nA,2024-01-10,99213\n'],
    ['UTF-16 text', Buffer.from(`\uFEFF${one('A')}\n${one('B')}\n`, 'utf16le')],
  ])('%s is read whole', async (_name, text) => {
    const whole = await read(text, 4);
    expect(whole.kind).toBe('whole');
    expect(whole.claims).toEqual(readClaims(Buffer.from(text), 'in', { setting: 'hospital' }));
  });
});
