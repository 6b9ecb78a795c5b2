import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestLibrary, type TestLibrary } from '../../test/support/test-library.ts';
import { defaultAccessPolicy } from '../access/access-policy.ts';
import { firstAdminInvite } from '../access/invites.service.ts';
import { buildTestApp } from './test-app.ts';

const PASSWORD = 'correct horse battery staple';

function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'codecard_session');
  expect(cookie).toBeDefined();
  return `codecard_session=${cookie!.value}`;
}

describe('signing in: setup link, sessions, API keys, audit', () => {
  let library: TestLibrary;
  let app: FastifyInstance;
  let clock = new Date('2026-12-04T09:00:00Z');
  let setupToken: string;
  let admin: string;

  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url,
      payload: body as object,
      headers,
    });
  const me = (cookie: string) => app.inject({ url: '/api/auth/me', headers: { cookie } });

  beforeAll(async () => {
    library = await openTestLibrary();
    app = await buildTestApp(library.ctx, { as: null, now: () => clock });
    const access = { db: library.ctx.db, policy: defaultAccessPolicy, now: () => clock };
    setupToken = (await firstAdminInvite(access))!;
  });
  afterAll(async () => {
    await app.close();
    await library.opened.close();
  });

  test('before the first admin exists, nothing but the public routes answers', async () => {
    const card = await app.inject({ url: '/api/cards/cpt/62264' });
    expect(card.statusCode).toBe(503);
    expect(card.json()).toMatchObject({ error: { code: 'SETUP_REQUIRED' } });
    expect((await app.inject({ url: '/api/auth/status' })).json()).toEqual({
      needsSetup: true,
      sso: false,
    });
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });

  test('the setup link works only from this machine', async () => {
    const remote = await app.inject({
      url: `/api/auth/invites?token=${setupToken}`,
      remoteAddress: '203.0.113.9',
    });
    expect(remote.statusCode).toBe(403);
    expect(remote.json()).toMatchObject({ error: { code: 'SETUP_LOOPBACK_ONLY' } });
  });

  test('redeeming the setup link creates the admin and signs in with a safe cookie, once', async () => {
    const info = await app.inject({ url: `/api/auth/invites?token=${setupToken}` });
    expect(info.json()).toMatchObject({ role: 'admin', instanceAdmin: true });
    const created = await post('/api/auth/invites', {
      token: setupToken,
      email: 'admin@example.org',
      password: PASSWORD,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ org: { id: 'default', role: 'admin' } });
    const setCookie = String(created.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    admin = sessionCookie(created);
    expect((await me(admin)).statusCode).toBe(200);

    const again = await post('/api/auth/invites', {
      token: setupToken,
      email: 'other@example.org',
      password: PASSWORD,
    });
    expect(again.json()).toMatchObject({ error: { code: 'INVITE_INVALID' } });
  });

  test('a session ends after the idle limit and after the absolute limit', async () => {
    const signIn = () =>
      post('/api/auth/sign-in', { email: 'admin@example.org', password: PASSWORD });
    const idle = sessionCookie(await signIn());
    clock = new Date(clock.getTime() + defaultAccessPolicy.sessionIdleMs + 1000);
    expect((await me(idle)).statusCode).toBe(401);

    const busy = sessionCookie(await signIn());
    const step = defaultAccessPolicy.sessionIdleMs / 2;
    for (let t = 0; t < defaultAccessPolicy.sessionMaxMs - step; t += step) {
      clock = new Date(clock.getTime() + step);
      expect((await me(busy)).statusCode).toBe(200);
    }
    clock = new Date(clock.getTime() + step);
    expect((await me(busy)).statusCode).toBe(401);
    admin = sessionCookie(await signIn());
  });

  test('sign out ends one session; sign out everywhere ends them all', async () => {
    const signIn = () =>
      post('/api/auth/sign-in', { email: 'admin@example.org', password: PASSWORD });
    const laptop = sessionCookie(await signIn());
    const phone = sessionCookie(await signIn());
    expect((await post('/api/auth/sign-out', {}, { cookie: laptop })).statusCode).toBe(200);
    expect((await me(laptop)).statusCode).toBe(401);
    expect((await me(phone)).statusCode).toBe(200);
    const everywhere = await post('/api/auth/sign-out-everywhere', {}, { cookie: phone });
    expect(everywhere.json<{ sessions: number }>().sessions).toBeGreaterThanOrEqual(2);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(admin)).statusCode).toBe(401);
    admin = sessionCookie(await signIn());
  });

  test('an API key acts with its own role, records its last use, and stops when revoked', async () => {
    const created = await post(
      '/api/admin/api-keys',
      { name: 'EHR', role: 'viewer' },
      { cookie: admin },
    );
    expect(created.statusCode).toBe(201);
    const { id, key } = created.json<{ id: string; key: string }>();
    const bearer = { authorization: `Bearer ${key}` };
    expect((await app.inject({ url: '/api/library/documents', headers: bearer })).statusCode).toBe(
      200,
    );
    const forbidden = await app.inject({ url: '/api/admin/members', headers: bearer });
    expect(forbidden.statusCode).toBe(403);
    const keys = await app.inject({ url: '/api/admin/api-keys', headers: { cookie: admin } });
    const listed = keys.json<{ keys: { id: string; lastUsedAt: string | null }[] }>().keys;
    expect(listed.find((k) => k.id === id)?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(keys.json())).not.toContain(key);
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/admin/api-keys/${id}`,
      headers: { cookie: admin },
    });
    expect(revoke.statusCode).toBe(200);
    const after = await app.inject({ url: '/api/library/documents', headers: bearer });
    expect(after.statusCode).toBe(401);
  });

  test('the audit log names who did what, and the database refuses to change it', async () => {
    await post('/api/auth/sign-in', { email: 'admin@example.org', password: 'wrong password!' });
    const page = await app.inject({
      url: '/api/admin/audit?limit=500',
      headers: { cookie: admin },
    });
    const actions = page.json<{ entries: { action: string; outcome: string }[] }>().entries;
    for (const expected of [
      ['invite.accept', 'ok'],
      ['sign-in', 'ok'],
      ['sign-in', 'failed'],
      ['sign-out', 'ok'],
      ['sign-out-everywhere', 'ok'],
      ['api-key.create', 'ok'],
      ['api-key.revoke', 'ok'],
      ['access.denied', 'denied'],
    ]) {
      expect(actions).toContainEqual(
        expect.objectContaining({ action: expected[0], outcome: expected[1] }),
      );
    }
    const csv = await app.inject({
      url: '/api/admin/audit.csv?action=sign-in',
      headers: { cookie: admin },
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toContain('action');
    expect(csv.body).not.toContain('api-key.create');
    await expect(sql`update audit_log set action = 'x'`.execute(library.ctx.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log`.execute(library.ctx.db)).rejects.toThrow(/append-only/);
  });

  test('behind HTTPS the cookie is Secure and bound to the host (__Host- prefix)', async () => {
    const https = await buildTestApp(library.ctx, {
      as: null,
      now: () => clock,
      publicUrl: new URL('https://codecard.example.org'),
    });
    try {
      const signedIn = await https.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: { host: 'codecard.example.org' },
        payload: { email: 'admin@example.org', password: PASSWORD },
      });
      expect(signedIn.statusCode).toBe(200);
      const setCookie = String(signedIn.headers['set-cookie']);
      expect(setCookie).toMatch(/^__Host-codecard_session=/);
      expect(setCookie).toMatch(/; Secure/);
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).not.toMatch(/Domain=/);
      const cookie = setCookie.split(';')[0]!;
      const me = await https.inject({
        url: '/api/auth/me',
        headers: { host: 'codecard.example.org', cookie },
      });
      expect(me.statusCode).toBe(200);
    } finally {
      await https.close();
    }
  });
});
