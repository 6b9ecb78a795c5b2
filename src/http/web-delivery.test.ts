import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestLibrary, type TestLibrary } from '../../test/support/test-library.ts';
import { buildTestApp } from './test-app.ts';
import { IMMUTABLE } from './web-app.ts';

// A built app in miniature: a hashed script (no .br beside it: compressed as it goes out) and a
// hashed stylesheet the build pre-compressed.
const script = `export const sample = ${JSON.stringify('SAMPLE '.repeat(800))};\n`;
const html =
  '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head></html>';

describe('delivery of the web app: compression and caching', () => {
  let library: TestLibrary;
  let app: FastifyInstance;
  let building: FastifyInstance;
  let dist: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'codecard-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), html);
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), script);
    writeFileSync(join(dist, 'assets', 'index-abc123.css'), 'body{}'.repeat(300));
    writeFileSync(join(dist, 'assets', 'index-abc123.css.br'), 'pre-compressed bytes');
    // A download's kind (CSV, NDJSON) streams as it is, however large.
    writeFileSync(join(dist, 'assets', 'sample.csv'), 'code,SAMPLE\n'.repeat(500));
    library = await openTestLibrary();
    app = await buildTestApp(library.ctx, { as: null, web: { dist } });
    building = await buildTestApp(library.ctx, {
      as: null,
      web: { dist: join(dist, 'missing'), building: () => true },
    });
  });
  afterAll(async () => {
    await app.close();
    await building.close();
    await library.opened.close();
    rmSync(dist, { recursive: true, force: true });
  });

  test('hashed assets are cached for a year, immutable, and sent compressed (br, else gzip)', async () => {
    const br = await app.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    const gzip = await app.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(script);
    const plain = await app.inject({ url: '/assets/index-abc123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  test('a pre-compressed asset is sent as the build wrote it', async () => {
    const response = await app.inject({
      url: '/assets/index-abc123.css',
      headers: { 'accept-encoding': 'br' },
    });
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe(IMMUTABLE);
    expect(response.body).toBe('pre-compressed bytes');
  });

  test('index.html and the SPA fallback are revalidated on every load (no-cache)', async () => {
    for (const url of ['/', '/codes/cpt/62264', '/codes/icd10cm/M54.16', '/index.html']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.body, url).toContain('/assets/index-abc123.js');
    }
  });

  test('API JSON is compressed when large enough, CSV is not; a missing file is a 404, not the app', async () => {
    const response = await app.inject({
      url: '/api/openapi.json',
      headers: { 'accept-encoding': 'br' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(response.rawPayload).toString())).toHaveProperty(
      'openapi',
    );
    const csv = await app.inject({
      url: '/assets/sample.csv',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-encoding']).toBeUndefined();
    for (const url of ['/api/nothing-here', '/favicon.ico', '/assets/index-old999.js']) {
      const unknown = await app.inject({ url });
      expect(unknown.statusCode, url).toBe(404);
      expect(unknown.json(), url).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
  });

  test('while the app is being built, pages say so in the reader’s language and look again', async () => {
    const response = await building.inject({
      url: '/codes/cpt/62264',
      headers: { 'accept-language': 'de-DE,de;q=0.9' },
    });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('3');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toContain('lang="de"');
    expect(response.body).toContain('http-equiv="refresh"');
    expect((await building.inject({ url: '/api/nothing-here' })).statusCode).toBe(404);
  });
});
