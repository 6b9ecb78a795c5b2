import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseRoleMap } from '../config/sso-config.ts';
import { insertUser } from '../access/users.repository.ts';
import { openTestLibrary, type TestLibrary } from '../../test/support/test-library.ts';
import {
  startTestOidcProvider,
  type TestOidcProvider,
} from '../../test/support/test-oidc-provider.ts';
import { buildTestApp } from './test-app.ts';

// The app is reached through inject on its default Host; the provider sends the browser here.
const redirectUri = 'http://localhost/api/auth/sso/callback';

let library: TestLibrary;
let idp: TestOidcProvider;
let app: FastifyInstance;

beforeAll(async () => {
  library = await openTestLibrary();
  idp = await startTestOidcProvider(redirectUri);
  app = await buildTestApp(library.ctx, {
    as: null,
    sso: {
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      redirectUri: new URL(redirectUri),
      scopes: ['openid', 'email', 'profile', 'groups'],
      roleClaim: 'groups',
      roleMap: parseRoleMap('coding-admins=admin,coders=coder,library=librarian,staff=viewer'),
      defaultRole: null,
      orgId: library.ctx.orgId,
    },
  });
});

afterAll(async () => {
  await app.close();
  await idp.close();
  await library.opened.close();
});

/** One browser: a cookie jar for Codecard and one for the provider, redirects followed by hand. */
class Browser {
  readonly appCookies = new Map<string, string>();
  private readonly idpCookies = new Map<string, string>();

  /** Starts SSO and follows it to the callback's answer (tamper may edit the callback URL). */
  async signIn(
    login: string,
    options: { returnTo?: string; tamper?: (callback: URL) => void } = {},
  ): Promise<LightMyRequestResponse> {
    const query = options.returnTo ? `?returnTo=${encodeURIComponent(options.returnTo)}` : '';
    const start = await this.app(`/api/auth/sso/start${query}`);
    expect(start.statusCode).toBe(302);
    let url = new URL(String(start.headers.location));
    for (let hops = 0; hops < 20; hops++) {
      if (url.origin !== idp.issuer.origin) {
        options.tamper?.(url);
        return this.app(`${url.pathname}${url.search}`);
      }
      const response = await this.idp(url);
      const location = response.headers.get('location');
      if (location) {
        url = new URL(location, url);
        continue;
      }
      // A login or consent page of the provider's development interactions: submit it.
      const prompt = /name="prompt" value="(\w+)"/.exec(await response.text())?.[1];
      const form = new URLSearchParams({ prompt: prompt ?? '', login, password: 'any' });
      const submitted = await this.idp(url, form);
      url = new URL(submitted.headers.get('location') ?? '', url);
    }
    throw new Error('too many redirects');
  }

  async app(url: string): Promise<LightMyRequestResponse> {
    const cookie = [...this.appCookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await app.inject({ url, headers: cookie ? { cookie } : {} });
    for (const c of response.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now()))
        this.appCookies.delete(c.name);
      else this.appCookies.set(c.name, c.value);
    }
    return response;
  }

  private async idp(url: URL, form?: URLSearchParams): Promise<Response> {
    const cookie = [...this.idpCookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(form ? { body: form.toString() } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      this.idpCookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }
}

async function me(browser: Browser) {
  return browser.app('/api/auth/me');
}

async function auditEntries(outcome: 'ok' | 'failed') {
  return library.ctx.db
    .selectFrom('audit_log')
    .select(['actor_user_id', 'org_id'])
    .where('action', '=', 'sign-in')
    .where('outcome', '=', outcome)
    .orderBy('id')
    .execute();
}

describe('SSO with OpenID Connect', () => {
  test('a first sign-in creates the account with the role its groups map to', async () => {
    idp.accounts.set('alice', {
      email: 'Alice@Example.org',
      email_verified: true,
      name: 'Alice',
      groups: ['staff', 'coders'],
    });
    const browser = new Browser();
    const answer = await browser.signIn('alice', { returnTo: '/cards?code=99213' });
    expect(answer.statusCode).toBe(302);
    expect(answer.headers.location).toBe('/cards?code=99213');
    expect(browser.appCookies.has('codecard_session')).toBe(true);
    expect(browser.appCookies.has('codecard_sso')).toBe(false);

    const who = await me(browser);
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({
      user: { email: 'alice@example.org', instanceAdmin: false },
      org: { id: library.ctx.orgId, role: 'coder' },
      via: 'session',
    });
    const user = await library.ctx.db
      .selectFrom('users')
      .select(['id', 'oidc_issuer', 'oidc_subject', 'password_hash', 'display_name'])
      .where('email', '=', 'alice@example.org')
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({
      // The issuer as the provider names itself in its tokens (the `iss` claim).
      oidc_issuer: idp.issuer.origin,
      oidc_subject: 'alice',
      password_hash: null,
      display_name: 'Alice',
    });
    expect((await auditEntries('ok')).at(-1)).toEqual({
      actor_user_id: user.id,
      org_id: library.ctx.orgId,
    });
  });

  test('the authorization request uses PKCE (S256), state and nonce', () => {
    const request = idp.authorizationRequests.at(-1);
    expect(request?.searchParams.get('code_challenge_method')).toBe('S256');
    expect(request?.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(request?.searchParams.get('state')).toBeTruthy();
    expect(request?.searchParams.get('nonce')).toBeTruthy();
    expect(request?.searchParams.get('scope')).toBe('openid email profile groups');
  });

  test('each sign-in takes the role from the groups the provider sends now', async () => {
    idp.accounts.set('alice', {
      email: 'alice@example.org',
      email_verified: true,
      groups: ['coding-admins', 'staff'],
    });
    const browser = new Browser();
    expect((await browser.signIn('alice')).headers.location).toBe('/');
    expect((await me(browser)).json()).toMatchObject({ org: { role: 'admin' } });
    const accounts = await library.ctx.db
      .selectFrom('users')
      .select('id')
      .where('oidc_subject', '=', 'alice')
      .execute();
    expect(accounts).toHaveLength(1);
  });

  test('groups that map to no role are refused: no account, no session, a failed sign-in audited', async () => {
    idp.accounts.set('bob', {
      email: 'bob@example.org',
      email_verified: true,
      groups: ['marketing'],
    });
    const failedBefore = (await auditEntries('failed')).length;
    const browser = new Browser();
    const answer = await browser.signIn('bob');
    expect(answer.headers.location).toBe('/sign-in?sso_error=SSO_NO_ROLE');
    expect(browser.appCookies.has('codecard_session')).toBe(false);
    expect((await me(browser)).statusCode).toBe(401);
    const bob = await library.ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'bob@example.org')
      .executeTakeFirst();
    expect(bob).toBeUndefined();
    const failed = await auditEntries('failed');
    expect(failed).toHaveLength(failedBefore + 1);
    expect(failed.at(-1)).toEqual({ actor_user_id: null, org_id: library.ctx.orgId });
  });

  test('a user whose groups no longer map loses the role, and their open session with it', async () => {
    idp.accounts.set('dana', {
      email: 'dana@example.org',
      email_verified: true,
      groups: ['library'],
    });
    const earlier = new Browser();
    await earlier.signIn('dana');
    expect((await me(earlier)).json()).toMatchObject({ org: { role: 'librarian' } });
    idp.accounts.set('dana', { email: 'dana@example.org', email_verified: true, groups: [] });
    const answer = await new Browser().signIn('dana');
    expect(answer.headers.location).toBe('/sign-in?sso_error=SSO_NO_ROLE');
    expect((await me(earlier)).statusCode).toBe(401);
  });

  test('a tampered state is refused', async () => {
    const failedBefore = (await auditEntries('failed')).length;
    const browser = new Browser();
    const answer = await browser.signIn('alice', {
      tamper: (callback) => callback.searchParams.set('state', 'forged-state'),
    });
    expect(answer.headers.location).toBe('/sign-in?sso_error=SSO_FAILED');
    expect(browser.appCookies.has('codecard_session')).toBe(false);
    expect(await auditEntries('failed')).toHaveLength(failedBefore + 1);
  });

  test('a callback without the sealed cookie of its start is refused', async () => {
    const browser = new Browser();
    const answer = await browser.signIn('alice', {
      tamper: () => browser.appCookies.delete('codecard_sso'),
    });
    expect(answer.headers.location).toBe('/sign-in?sso_error=SSO_FAILED');
    expect(browser.appCookies.has('codecard_session')).toBe(false);
  });

  test('a password account is linked only when the provider has verified the email', async () => {
    await insertUser(library.ctx.db, {
      id: 'carol-password',
      email: 'carol@example.org',
      display_name: 'Carol',
      password_hash: 'argon2-hash-placeholder',
      instance_admin: false,
    });
    idp.accounts.set('carol', {
      email: 'carol@example.org',
      email_verified: false,
      groups: ['coders'],
    });
    const refused = await new Browser().signIn('carol');
    expect(refused.headers.location).toBe('/sign-in?sso_error=SSO_EMAIL_CONFLICT');
    expect((await auditEntries('failed')).at(-1)?.actor_user_id).toBe('carol-password');

    idp.accounts.set('carol', {
      email: 'carol@example.org',
      email_verified: true,
      groups: ['coders'],
    });
    const browser = new Browser();
    expect((await browser.signIn('carol')).headers.location).toBe('/');
    expect((await me(browser)).json()).toMatchObject({ user: { id: 'carol-password' } });
  });

  test('an account linked to one identity is not taken over by another with the same email', async () => {
    idp.accounts.set('erin', {
      email: 'erin@example.org',
      email_verified: true,
      groups: ['staff'],
    });
    expect((await new Browser().signIn('erin')).headers.location).toBe('/');
    idp.accounts.set('erin-2', {
      email: 'erin@example.org',
      email_verified: true,
      groups: ['coding-admins'],
    });
    const answer = await new Browser().signIn('erin-2');
    expect(answer.headers.location).toBe('/sign-in?sso_error=SSO_EMAIL_CONFLICT');
  });

  test('returnTo outside this site lands on the home page', async () => {
    const answer = await new Browser().signIn('alice', { returnTo: '//evil.example/x' });
    expect(answer.headers.location).toBe('/');
  });

  test('SSO is announced by the status route', async () => {
    const status = await app.inject({ url: '/api/auth/status' });
    expect(status.json()).toMatchObject({ sso: true });
  });
});
