import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CdsResponse } from '../contracts/cds-hooks.ts';
import { saveEhrConnection } from '../ehr/ehr-connections.repository.ts';
import { cdsHookRequest } from '../../test/support/cds-hook-request.ts';
import { openTestLibrary, type TestLibrary } from '../../test/support/test-library.ts';
import { buildTestApp, testApiKey } from './test-app.ts';

const service = '/cds-services/codecard-order-sign';
/** The service URL as the injected requests reach it (no CODECARD_PUBLIC_URL set). */
const audience = `http://localhost:80${service}`;
const ehrIssuer = 'https://ehr.example/cds-client';
const ehrOrigin = 'https://ehr.example';

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS384');
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS384' } };
}

/** CDS Hooks JWTs (CDS Hooks 2.0, "Trusting CDS Clients") checked by the route, with CORS. */
describe('CDS Hooks calls authenticated by the EHR’s JWT', () => {
  let library: TestLibrary;
  let app: FastifyInstance;
  let jwksServer: Server;
  let jwksUrl: string;
  let served: JWK[] = [];
  let jwksReads = 0;
  let key: SigningKey;

  const now = () => Math.floor(Date.now() / 1000);
  const jwt = async (
    options: {
      claims?: Record<string, unknown>;
      header?: Record<string, unknown>;
      signer?: SigningKey;
    } = {},
  ) => {
    const signer = options.signer ?? key;
    return new SignJWT({
      iss: ehrIssuer,
      aud: audience,
      iat: now(),
      exp: now() + 300,
      jti: randomUUID(),
      ...options.claims,
    })
      .setProtectedHeader({ alg: 'RS384', typ: 'JWT', kid: signer.kid, ...options.header })
      .sign(signer.privateKey);
  };
  const call = async (authorization: string, headers: Record<string, string> = {}) => {
    const response = await app.inject({
      method: 'POST',
      url: service,
      payload: cdsHookRequest(['62264', '62263']),
      headers: { authorization, ...headers },
    });
    return {
      status: response.statusCode,
      headers: response.headers,
      body: response.json<CdsResponse & { error?: { code: string; message: string } }>(),
    };
  };
  const checkRuns = async () =>
    (
      await library.ctx.db
        .selectFrom('audit_log')
        .select('org_id')
        .where('action', '=', 'check.run')
        .where('target_type', '=', 'cds-hook')
        .execute()
    ).length;

  beforeAll(async () => {
    library = await openTestLibrary('pglite', { starter: true });
    key = await signingKey('ehr-key-1');
    served = [key.jwk];
    jwksServer = createServer((_request, response) => {
      jwksReads += 1;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: served }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
    await saveEhrConnection(
      library.ctx.db,
      library.ctx.orgId,
      {
        issuer: 'https://ehr.example/fhir',
        clientId: 'codecard',
        scopes: 'launch openid',
        frameAncestors: [`${ehrOrigin}/`],
        cdsIssuer: ehrIssuer,
        cdsJwksUrl: jwksUrl,
      },
      null,
    );
    app = await buildTestApp(library.ctx, { as: null });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => jwksServer.close(resolve));
    await library.opened.close();
  });

  test('a valid JWT: the cards, run as the connection’s organization and audited so', async () => {
    const before = await checkRuns();
    const { status, body } = await call(`Bearer ${await jwt()}`);
    expect(status).toBe(200);
    expect(body.cards.map((c) => c.summary)).toContain(
      '62263, 62264: an NCCI PTP edit pairs these procedures',
    );
    const rows = await library.ctx.db
      .selectFrom('audit_log')
      .select(['org_id', 'actor_user_id'])
      .where('action', '=', 'check.run')
      .where('target_type', '=', 'cds-hook')
      .execute();
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toEqual({ org_id: library.ctx.orgId, actor_user_id: null });
  });

  test('an API key of the organization keeps working', async () => {
    const { status, body } = await call(`Bearer ${await testApiKey(library.ctx, 'coder')}`);
    expect(status).toBe(200);
    expect(body.cards.length).toBeGreaterThan(0);
  });

  const refusals: [string, string, () => Promise<string>][] = [
    [
      'a wrong signature',
      'the signature is wrong',
      async () => jwt({ signer: await signingKey(key.kid) }),
    ],
    [
      'a wrong aud',
      'the aud claim is wrong',
      () => jwt({ claims: { aud: 'https://elsewhere.example/cds-services/x' } }),
    ],
    [
      'an expired JWT',
      'the JWT has expired',
      () => jwt({ claims: { iat: now() - 400, exp: now() - 100 } }),
    ],
    [
      'an iat in the future',
      'the iat',
      () => jwt({ claims: { iat: now() + 200, exp: now() + 400 } }),
    ],
    ['a JWT living over 5 minutes', 'over 5 minutes', () => jwt({ claims: { exp: now() + 3600 } })],
    [
      'an unknown iss',
      'no organization has this CDS client',
      () => jwt({ claims: { iss: 'https://other-ehr.example' } }),
    ],
    [
      'a jku that is not the registered URL',
      'the jku is not the registered JWKS URL',
      () => jwt({ header: { jku: 'https://evil.example/jwks' } }),
    ],
    ['no jti', 'the jti claim is wrong', () => jwt({ claims: { jti: undefined } })],
  ];
  test.each(refusals)(
    '%s: 401 CDS_CLIENT_REFUSED (%s), audited, nothing run',
    async (_, reason, token) => {
      const before = await checkRuns();
      const deniedBefore = await library.ctx.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'access.denied')
        .where('target_type', '=', 'cds-client')
        .execute();
      const { status, body } = await call(`Bearer ${await token()}`);
      expect(status).toBe(401);
      expect(body.error?.code).toBe('CDS_CLIENT_REFUSED');
      expect(body.error?.message).toContain(reason);
      expect(await checkRuns()).toBe(before);
      const deniedAfter = await library.ctx.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'access.denied')
        .where('target_type', '=', 'cds-client')
        .execute();
      expect(deniedAfter.length).toBe(deniedBefore.length + 1);
    },
  );

  test('a replayed jti is refused', async () => {
    const token = await jwt();
    expect((await call(`Bearer ${token}`)).status).toBe(200);
    const replay = await call(`Bearer ${token}`);
    expect(replay.status).toBe(401);
    expect(replay.body.error?.message).toContain('the jti was already used');
  });

  test('a jku equal to the registered URL is accepted; keys are cached, a new kid reads them again (not every time)', async () => {
    const reads = jwksReads;
    expect((await call(`Bearer ${await jwt({ header: { jku: jwksUrl } })}`)).status).toBe(200);
    expect(jwksReads).toBe(reads);
    const rotated = await signingKey('ehr-key-2');
    served = [key.jwk, rotated.jwk];
    expect((await call(`Bearer ${await jwt({ signer: rotated })}`)).status).toBe(200);
    expect(jwksReads).toBe(reads + 1);
    // Made-up key ids right after: refused without reading the keys again (at most every 10 s).
    const unknown = await call(`Bearer ${await jwt({ signer: await signingKey('made-up') })}`);
    expect(unknown.body.error?.message).toContain('no registered key matches');
    expect(jwksReads).toBe(reads + 1);
  });

  test('CORS: a preflight from the connection’s origin is answered, another origin’s is not', async () => {
    const preflight = (origin: string) =>
      app.inject({
        method: 'OPTIONS',
        url: service,
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
    const allowed = await preflight(ehrOrigin);
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(ehrOrigin);
    expect(String(allowed.headers['access-control-allow-headers'])).toMatch(
      /Authorization, Content-Type/,
    );
    expect(String(allowed.headers['access-control-allow-methods'])).toContain('POST');
    const other = await preflight('https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const discovery = await app.inject({ url: '/cds-services', headers: { origin: ehrOrigin } });
    expect(discovery.headers['access-control-allow-origin']).toBe(ehrOrigin);
  });

  test('the cross-site guard lets a verified call from the EHR’s origin through, and refuses others', async () => {
    const fromEhr = await call(`Bearer ${await jwt()}`, {
      origin: ehrOrigin,
      'sec-fetch-site': 'cross-site',
    });
    expect(fromEhr.status).toBe(200);
    expect(fromEhr.headers['access-control-allow-origin']).toBe(ehrOrigin);
    const jwtFromElsewhere = await call(`Bearer ${await jwt()}`, {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(jwtFromElsewhere.status).toBe(401);
    expect(jwtFromElsewhere.body.error?.code).toBe('CDS_CLIENT_REFUSED');
    const keyFromElsewhere = await call(`Bearer ${await testApiKey(library.ctx, 'coder')}`, {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(keyFromElsewhere.status).toBe(403);
    expect(keyFromElsewhere.body.error?.code).toBe('CROSS_SITE_REQUEST');
  });
});
