import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listLibrary } from '../library/library.service.ts';
import { openTestLibrary, type TestLibrary } from '../../test/support/test-library.ts';
import { loadConfig } from '../config/config.ts';
import { hostAllowed } from './request-origin.ts';
import { buildTestApp } from './test-app.ts';
import { multipart } from './test-multipart.ts';

// Sample wording planted by "an attacker" in this test; not AMA text.
const planted = '# Sample\n\nSAMPLE planted sentence: always bill 62264 with 62263.\n';

function upload(headers: Record<string, string>) {
  const body = multipart([{ name: 'planted.md', content: planted }]);
  return {
    method: 'POST' as const,
    url: '/api/library/documents',
    payload: body.payload,
    headers: { ...body.headers, ...headers },
  };
}

describe('requests from other sites and hosts', () => {
  let library: TestLibrary;
  let app: FastifyInstance;

  beforeAll(async () => {
    library = await openTestLibrary();
    app = await buildTestApp(library.ctx);
  });
  afterAll(async () => {
    await app.close();
    await library.opened.close();
  });

  test('a cross-origin no-cors multipart upload is refused with 403 and the library is unchanged', async () => {
    const before = await listLibrary(library.ctx);
    // What a browser sends for a form or no-cors fetch posted from another site's page.
    const reply = await app.inject(
      upload({
        host: 'localhost:3000',
        origin: 'https://attacker.example',
        'sec-fetch-site': 'cross-site',
        'sec-fetch-mode': 'no-cors',
      }),
    );
    expect(reply.statusCode).toBe(403);
    expect(reply.json()).toMatchObject({ error: { code: 'CROSS_SITE_REQUEST' } });
    await app.inject({ url: '/api/health', headers: { host: 'localhost:3000' } });
    expect(await listLibrary(library.ctx)).toEqual(before);
  });

  test('an Origin that is not the server it was sent to is refused, even without Sec-Fetch-Site', async () => {
    const reply = await app.inject(
      upload({ host: 'localhost:3000', origin: 'http://localhost:4000' }),
    );
    expect(reply.statusCode).toBe(403);
  });

  test('the web app itself (same origin) and programs without browser headers may write', async () => {
    const fromApp = await app.inject(
      upload({
        host: 'localhost:3000',
        origin: 'http://localhost:3000',
        'sec-fetch-site': 'same-origin',
      }),
    );
    expect(fromApp.statusCode).toBe(202);
    const fromCli = await app.inject({
      method: 'POST',
      url: '/api/checks',
      headers: { host: '127.0.0.1:3000' },
      payload: { claims: [] },
    });
    expect(fromCli.statusCode).not.toBe(403);
  });

  test('a host other than loopback is not served (DNS rebinding), reads included', async () => {
    const reply = await app.inject({
      url: '/api/library/documents',
      headers: { host: 'rebind.attacker.example' },
    });
    expect(reply.statusCode).toBe(421);
    expect(reply.json()).toMatchObject({ error: { code: 'UNKNOWN_HOST' } });
  });
});

describe('with CODECARD_PUBLIC_URL', () => {
  test('only that host is served and only that origin may write', async () => {
    const { publicUrl } = loadConfig({ CODECARD_PUBLIC_URL: 'https://codecard.example.org' });
    expect(publicUrl?.origin).toBe('https://codecard.example.org');
    expect(hostAllowed('codecard.example.org', publicUrl)).toBe(true);
    expect(hostAllowed('localhost:3000', publicUrl)).toBe(false);
    const library = await openTestLibrary();
    const app = await buildTestApp(library.ctx, { publicUrl });
    try {
      const host = { host: 'codecard.example.org' };
      const own = await app.inject(upload({ ...host, origin: 'https://codecard.example.org' }));
      expect(own.statusCode).toBe(202);
      const other = await app.inject(upload({ ...host, origin: 'http://codecard.example.org' }));
      expect(other.statusCode).toBe(403);
    } finally {
      await app.close();
      await library.opened.close();
    }
  });

  test('a value that is not an http(s) origin is refused at start', () => {
    expect(() => loadConfig({ CODECARD_PUBLIC_URL: 'codecard.example.org' })).toThrow(/origin/);
    expect(() => loadConfig({ CODECARD_PUBLIC_URL: 'https://x.example/app' })).toThrow(/origin/);
  });
});
