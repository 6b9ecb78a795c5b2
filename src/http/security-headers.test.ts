import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type OpenDatabase } from '../db/database.ts';
import type { AppOptions } from './app.ts';
import { buildTestApp } from './test-app.ts';
import { testContext } from '../../test/support/test-context.ts';

const pagePolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join(';');
const apiPolicy = "default-src 'none';frame-ancestors 'none'";

describe('security headers', () => {
  let opened: OpenDatabase;
  const apps: FastifyInstance[] = [];
  const appWith = async (options: Partial<AppOptions> = {}) => {
    const app = await buildTestApp(testContext(opened), options);
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    opened = await openDatabase({ kind: 'pglite-memory' });
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await opened.close();
  });

  test('pages and static files get the web app policy, nosniff and same-origin referrers', async () => {
    const app = await appWith();
    for (const url of ['/', '/codes/cpt/62264', '/assets/index.js']) {
      const headers = (await app.inject({ url })).headers;
      expect(headers['content-security-policy'], url).toBe(pagePolicy);
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['referrer-policy'], url).toBe('same-origin');
      expect(headers['x-frame-options'], url).toBeUndefined();
    }
  });

  test('API replies, their 404s and refused requests get a policy that allows nothing', async () => {
    const app = await appWith();
    const replies = [
      await app.inject({ url: '/api/health' }),
      await app.inject({ url: '/api/codes?q=knee' }),
      await app.inject({ url: '/api/no-such-route' }),
      // Refused by the Host allow-list before any route runs.
      await app.inject({ url: '/api/health', headers: { host: 'attacker.example' } }),
    ];
    expect(replies.map((r) => r.statusCode)).toEqual([200, 200, 404, 421]);
    for (const reply of replies) {
      expect(reply.headers['content-security-policy']).toBe(apiPolicy);
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['x-frame-options']).toBe('DENY');
    }
  });

  test('frame-ancestors follows config, and no X-Frame-Options contradicts an EHR origin', async () => {
    const app = await appWith({ frameAncestors: "'self' https://ehr.example.org" });
    const headers = (await app.inject({ url: '/codes/cpt/62264' })).headers;
    const policy = String(headers['content-security-policy']);
    expect(policy).toContain("frame-ancestors 'self' https://ehr.example.org");
    expect(policy).not.toContain("frame-ancestors 'self';");
    // DENY or SAMEORIGIN would keep the app out of the EHR's frame in browsers that read it.
    expect(headers['x-frame-options']).toBeUndefined();
  });

  test('HSTS is sent only when the public address is https', async () => {
    const secure = await appWith({ publicUrl: new URL('https://codecard.example.org') });
    const plain = await appWith({ publicUrl: new URL('http://codecard.example.org') });
    const loopback = await appWith();
    const host = { host: 'codecard.example.org' };
    const hsts = async (app: FastifyInstance, headers = {}) =>
      (await app.inject({ url: '/api/health', headers })).headers['strict-transport-security'];
    expect(await hsts(secure, host)).toBe('max-age=31536000');
    expect(await hsts(plain, host)).toBeUndefined();
    expect(await hsts(loopback)).toBeUndefined();
  });
});
