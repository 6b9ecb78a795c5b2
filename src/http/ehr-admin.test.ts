import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertOrg } from '../access/orgs.repository.ts';
import { forOrg } from '../library/library-context.ts';
import { openTestLibrary, type TestLibrary } from '../../test/support/test-library.ts';
import { buildTestApp, testApiKey } from './test-app.ts';

let library: TestLibrary;
let app: FastifyInstance;
let admin: string;
let coder: string;
let viewer: string;

const connection = {
  issuer: 'https://fhir.ehr.example.org/r4',
  clientId: 'codecard',
  scopes: 'launch openid fhirUser patient/Encounter.read',
  frameAncestors: ['https://ehr.example.org', 'https://chart.ehr.example.org:8443'],
  cdsIssuer: 'https://ehr.example.org/cds-client',
  cdsJwksUrl: 'https://ehr.example.org/.well-known/jwks.json',
};

beforeAll(async () => {
  library = await openTestLibrary();
  app = await buildTestApp(library.ctx, { as: null });
  admin = await testApiKey(library.ctx, 'admin');
  coder = await testApiKey(library.ctx, 'coder');
  viewer = await testApiKey(library.ctx, 'viewer');
});

afterAll(async () => {
  await app.close();
  await library.opened.close();
});

function call(key: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) {
  return app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${key}` },
    ...(payload ? { payload } : {}),
  });
}

describe('EHR connection, status and access requests', () => {
  test('without a connection: status off, GET 404, the case gated with a clear 403', async () => {
    expect((await call(viewer, 'GET', '/api/ehr/status')).json()).toEqual({
      enabled: false,
      requested: false,
    });
    expect((await call(admin, 'GET', '/api/ehr/connection')).statusCode).toBe(404);
    const gated = await call(coder, 'GET', '/api/ehr/case');
    expect(gated.statusCode).toBe(403);
    expect(gated.json()).toMatchObject({ error: { code: 'EHR_NOT_CONNECTED' } });
  });

  test('a member asks for access once while it is open; admins see the request', async () => {
    const first = await call(viewer, 'POST', '/api/ehr/access-requests', {
      note: 'for the spine clinic',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ enabled: false, requested: true });
    expect((await call(viewer, 'POST', '/api/ehr/access-requests', {})).statusCode).toBe(200);
    expect((await call(viewer, 'GET', '/api/ehr/status')).json()).toEqual({
      enabled: false,
      requested: true,
    });
    expect((await call(coder, 'GET', '/api/ehr/access-requests')).statusCode).toBe(403);
    const listed = await call(admin, 'GET', '/api/ehr/access-requests');
    expect(listed.statusCode).toBe(200);
    const requests = listed.json<{ requests: { userEmail: string; note: string }[] }>().requests;
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ note: 'for the spine clinic' });
    expect(requests[0]?.userEmail).toMatch(/^test-viewer@/);
  });

  test('only an admin sets the connection; it is audited and turns case answers on', async () => {
    expect((await call(coder, 'PUT', '/api/ehr/connection', connection)).statusCode).toBe(403);
    const saved = await call(admin, 'PUT', '/api/ehr/connection', {
      ...connection,
      issuer: `${connection.issuer}/`,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual(connection);
    expect((await call(admin, 'GET', '/api/ehr/connection')).json()).toEqual(connection);
    expect((await call(viewer, 'GET', '/api/ehr/status')).json()).toMatchObject({ enabled: true });
    const audit = await library.ctx.db
      .selectFrom('audit_log')
      .select(['outcome', 'target_id'])
      .where('action', '=', 'ehr.connection')
      .execute();
    expect(audit).toEqual([{ outcome: 'ok', target_id: library.ctx.orgId }]);
    const noCase = await call(coder, 'GET', '/api/ehr/case');
    expect(noCase.statusCode).toBe(401);
    expect(noCase.json()).toMatchObject({ error: { code: 'EHR_CASE_REQUIRED' } });
  });

  test('an issuer, and a CDS client issuer, is one organization’s only', async () => {
    await insertOrg(library.ctx.db, { id: 'ehr-admin-other', name: 'Other' });
    const otherAdmin = await testApiKey(forOrg(library.ctx, 'ehr-admin-other'), 'admin');
    const otherFhir = { ...connection, issuer: 'https://fhir.other.example.org/r4' };
    for (const taken of [connection, otherFhir]) {
      const refused = await call(otherAdmin, 'PUT', '/api/ehr/connection', taken);
      expect(refused.statusCode).toBe(400);
      expect(refused.json<{ error: { message: string } }>().error.message).toMatch(
        /another organization/,
      );
    }
    const withoutCds = {
      issuer: otherFhir.issuer,
      clientId: otherFhir.clientId,
      scopes: otherFhir.scopes,
      frameAncestors: otherFhir.frameAncestors,
    };
    const half = await call(otherAdmin, 'PUT', '/api/ehr/connection', {
      ...withoutCds,
      cdsIssuer: 'https://other.example/cds',
    });
    expect(half.statusCode).toBe(400);
    const saved = await call(otherAdmin, 'PUT', '/api/ehr/connection', withoutCds);
    expect(saved.statusCode).toBe(200);
    expect((await call(otherAdmin, 'GET', '/api/ehr/connection')).json()).toEqual(withoutCds);
  });

  test('pages and /smart/* may be framed by the EHR origins; /api may not', async () => {
    const page = await app.inject({ url: '/smart/launch?iss=https%3A%2F%2Fnowhere.example.org' });
    expect(page.statusCode).toBe(400);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(
      /frame-ancestors 'self' https:\/\/ehr\.example\.org https:\/\/chart\.ehr\.example\.org:8443/,
    );
    const casePage = await app.inject({ url: '/case' });
    expect(String(casePage.headers['content-security-policy'])).toContain(
      "frame-ancestors 'self' https://ehr.example.org https://chart.ehr.example.org:8443",
    );
    const api = await call(viewer, 'GET', '/api/ehr/status');
    expect(String(api.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });
});
