import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { preferredEncoding, sendSharedJson } from './shared-json-reply.ts';

describe('sendSharedJson', () => {
  const app = Fastify();
  let serialized = 0;
  // Big enough to be worth compressing, different per object.
  const card = (code: string) =>
    Object.freeze({ code, rows: Array.from({ length: 200 }, (_, i) => `${code} row ${i}`) });
  const shared = { a: card('A'), b: card('B') };

  beforeAll(async () => {
    app.setSerializerCompiler(() => (data) => {
      serialized++;
      return JSON.stringify(data);
    });
    app.get<{ Params: { which: 'a' | 'b' } }>(
      '/cards/:which',
      { schema: { response: { 200: {} } } },
      (request, reply) => sendSharedJson(request, reply, shared[request.params.which]),
    );
    await app.ready();
  });
  afterAll(() => app.close());

  const get = (which: string, headers: Record<string, string> = {}) =>
    app.inject({ url: `/cards/${which}`, headers });

  test('compresses once and sends the same bytes to every request after', async () => {
    const first = await get('a', { 'accept-encoding': 'gzip, br' });
    const before = serialized;
    const second = await get('a', { 'accept-encoding': 'br' });
    expect(first.headers['content-encoding']).toBe('br');
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(serialized).toBe(before); // not serialized again
    expect(JSON.parse(brotliDecompressSync(second.rawPayload).toString())).toEqual(shared.a);
    expect(second.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'private, no-cache',
      vary: 'accept-encoding',
    });
  });

  test('gzip for a client without br, plain JSON for one that takes neither', async () => {
    const gzipped = await get('a', { 'accept-encoding': 'gzip, br;q=0' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzipped.rawPayload).toString())).toEqual(shared.a);
    const plain = await get('a');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json()).toEqual(shared.a);
  });

  test('answers 304 without a body when the client holds the same object', async () => {
    const { headers } = await get('a');
    const etag = String(headers.etag);
    const again = await get('a', { 'if-none-match': `W/"x", ${etag}` });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    const other = await get('b', { 'if-none-match': etag });
    expect(other.statusCode).toBe(200);
    expect(other.headers.etag).not.toBe(etag);
    expect(other.json()).toEqual(shared.b);
  });
});

describe('preferredEncoding', () => {
  test.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['deflate', null],
    ['gzip', 'gzip'],
    ['br, gzip', 'br'],
    ['gzip;q=1.0, br;q=0', 'gzip'],
    ['BR', 'br'],
    ['*', 'gzip'],
    ['gzip;q=0, br;q=0', null],
  ])('%s → %s', (header, expected) => {
    expect(preferredEncoding(header)).toBe(expected);
  });
});
