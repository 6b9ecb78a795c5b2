import { PassThrough } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { AskResponse, StoredThread } from '../contracts/ask.ts';
import type { CaseAnswer, EhrCase } from '../contracts/ehr.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertOrg } from '../access/orgs.repository.ts';
import { forOrg } from '../library/library-context.ts';
import { openTestLibrary, type TestLibrary } from '../../test/support/test-library.ts';
import {
  startEhrSimulator,
  type EhrSimulator,
} from '../../test/support/ehr-simulator/ehr-simulator.ts';
import { buildTestApp, testApiKey } from './test-app.ts';

const PATIENT = 'sample-patient-1';
const ENCOUNTER = 'sample-encounter-1';
const OTHER_ORG = 'ehr-other-org';

let library: TestLibrary;
let ehr: EhrSimulator;
let otherEhr: EhrSimulator;
let app: FastifyInstance;
let adminKey: string;
let logs = '';

beforeAll(async () => {
  library = await openTestLibrary();
  ehr = await startEhrSimulator();
  otherEhr = await startEhrSimulator({ clientId: 'codecard-other' });
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => (logs += chunk.toString('utf8')));
  app = await buildTestApp(library.ctx, { as: null, logLevel: 'info', logStream });
  adminKey = await testApiKey(library.ctx, 'admin');
  const connected = await putConnection(adminKey, ehr, ['https://ehr.example.org']);
  expect(connected.statusCode).toBe(200);
  await insertOrg(library.ctx.db, { id: OTHER_ORG, name: 'Other' });
  const otherKey = await testApiKey(forOrg(library.ctx, OTHER_ORG), 'admin');
  expect((await putConnection(otherKey, otherEhr, [])).statusCode).toBe(200);
});

afterAll(async () => {
  await app.close();
  await ehr.close();
  await otherEhr.close();
  await library.opened.close();
});

function putConnection(key: string, sim: EhrSimulator, frameAncestors: string[]) {
  return app.inject({
    method: 'PUT',
    url: '/api/ehr/connection',
    headers: { authorization: `Bearer ${key}` },
    payload: {
      issuer: sim.fhirBase,
      clientId: sim.clientId,
      scopes:
        'launch openid fhirUser patient/Encounter.rs patient/Condition.rs patient/Procedure.rs patient/Coverage.rs',
      frameAncestors,
    },
  });
}

interface LaunchResult {
  /** Codecard's last answer: the callback's redirect, or the refusal page. */
  answer: LightMyRequestResponse;
  session: string | null;
  caseToken: string | null;
}

/**
 * A browser in the EHR's iframe: /smart/launch, the EHR's authorize (followed by fetch), the
 * callback. `cookie: false` is a browser that keeps no third-party cookie (Safari in a frame).
 */
async function launch(
  sim: EhrSimulator,
  options: { launch?: string | null; tamper?: (callback: URL) => void; cookie?: boolean } = {},
): Promise<LaunchResult> {
  const launchId =
    options.launch === undefined ? sim.launchFor(PATIENT, ENCOUNTER) : options.launch;
  const query = new URLSearchParams({
    iss: sim.fhirBase,
    ...(launchId ? { launch: launchId } : {}),
  });
  const start = await app.inject({ url: `/smart/launch?${query.toString()}` });
  if (start.statusCode !== 302) return { answer: start, session: null, caseToken: null };
  const binding = start.cookies.find((c) => c.name === 'codecard_smart');
  const atEhr = await fetch(String(start.headers.location), { redirect: 'manual' });
  const callback = new URL(atEhr.headers.get('location') ?? '');
  options.tamper?.(callback);
  const cookie = options.cookie !== false && binding ? `codecard_smart=${binding.value}` : '';
  const answer = await app.inject({
    url: `${callback.pathname}${callback.search}`,
    headers: cookie ? { cookie } : {},
  });
  const location = String(answer.headers.location ?? '');
  const fragment = new URLSearchParams(location.split('#')[1] ?? '');
  return { answer, session: fragment.get('session'), caseToken: fragment.get('case') };
}

function readCase(session: string, caseToken?: string | null) {
  return app.inject({
    url: '/api/ehr/case',
    headers: {
      authorization: `Bearer ${session}`,
      ...(caseToken ? { 'x-codecard-case': caseToken } : {}),
    },
  });
}

async function sessionCount(): Promise<number> {
  const rows = await library.ctx.db.selectFrom('sessions').select('id_hash').execute();
  return rows.length;
}

function expectRefused(result: LaunchResult, reason: RegExp): void {
  expect(result.answer.statusCode).toBe(400);
  expect(result.answer.headers['content-type']).toMatch(/text\/html/);
  expect(result.answer.body).toMatch(reason);
  expect(result.session).toBeNull();
  expect(result.caseToken).toBeNull();
}

describe('SMART App Launch from the EHR', () => {
  test('the EHR launch ends with a session and a case token, and the case reads the encounter', async () => {
    const before = await sessionCount();
    const result = await launch(ehr);
    expect(result.answer.statusCode).toBe(302);
    expect(String(result.answer.headers.location)).toMatch(/^\/case#session=/);
    expect(result.session).toMatch(/^ccs_/);
    expect(result.caseToken).toBeTruthy();
    expect(await sessionCount()).toBe(before + 1);

    const authorize = ehr.authorizeRequests.at(-1)!;
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('aud')).toBe(ehr.fhirBase);
    expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('scope')).toContain('patient/Encounter.rs');
    expect(authorize.searchParams.get('launch')).toBeTruthy();
    expect(ehr.tokenRequests.at(-1)?.get('code_verifier')).toBe('present');

    const me = await app.inject({
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${result.session}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ org: { id: library.ctx.orgId, role: 'coder' } });
    const unknown = await app.inject({
      url: '/api/auth/me',
      headers: { authorization: `Bearer ccs_${'x'.repeat(43)}` },
    });
    expect(unknown.statusCode).toBe(401);
    const user = await library.ctx.db
      .selectFrom('users')
      .select(['ehr_user', 'oidc_issuer', 'email'])
      .where('oidc_issuer', '=', ehr.fhirBase)
      .executeTakeFirstOrThrow();
    expect(user.ehr_user).toBe(true);
    expect(user.email).toMatch(/\.ehr\.invalid$/);

    const reply = await readCase(result.session!, result.caseToken);
    expect(reply.statusCode).toBe(200);
    const body = reply.json<EhrCase>();
    expect(body).toMatchObject({
      fhirBase: ehr.fhirBase,
      patientId: PATIENT,
      encounterId: ENCOUNTER,
      dateOfService: '2026-03-10',
    });
    expect(body.procedures.map((p) => p.code).sort()).toEqual(['62264', '77003']);
    expect(body.diagnoses.map((d) => d.code)).toEqual(['M54.16']);
  });

  test('a second launch of the same EHR user signs into the same account', async () => {
    const first = await launch(ehr);
    const second = await launch(ehr);
    const who = async (session: string) =>
      (
        await app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${session}` } })
      ).json<{ user: { email: string } }>().user.email;
    expect(await who(first.session!)).toBe(await who(second.session!));
  });

  test('a browser that keeps no cookie in the frame still completes the launch', async () => {
    const result = await launch(ehr, { cookie: false });
    expect(result.answer.statusCode).toBe(302);
    expect(result.session).toMatch(/^ccs_/);
  });

  test('a standalone launch (no launch parameter) works too', async () => {
    const result = await launch(ehr, { launch: null });
    expect(result.answer.statusCode).toBe(302);
    expect(ehr.authorizeRequests.at(-1)?.searchParams.has('launch')).toBe(false);
  });

  test('every FHIR read is audited with its type and id or search, no content', async () => {
    const result = await launch(ehr);
    const start = await library.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    const readsBefore = ehr.fhirReads.length;
    expect((await readCase(result.session!, result.caseToken)).statusCode).toBe(200);
    const rows = await library.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', Number(start.id ?? 0))
      .where('action', '=', 'fhir.read')
      .orderBy('id')
      .execute();
    expect(rows.map((r) => `${r.target_type} ${r.target_id}`)).toEqual([
      `Encounter ${ENCOUNTER}`,
      `Patient ${PATIENT}`,
      `Condition ?patient=${PATIENT}&encounter=${ENCOUNTER}`,
      `Procedure ?patient=${PATIENT}&encounter=${ENCOUNTER}`,
      `ServiceRequest ?patient=${PATIENT}&encounter=${ENCOUNTER}`,
      `Coverage ?patient=${PATIENT}`,
    ]);
    expect(ehr.fhirReads.length - readsBefore).toBe(6);
    for (const row of rows) {
      expect(row.outcome).toBe('ok');
      expect(row.org_id).toBe(library.ctx.orgId);
      expect(row.actor_user_id).toBeTruthy();
    }
    const stored = JSON.stringify(
      await library.ctx.db.selectFrom('audit_log').selectAll().execute(),
    );
    expect(stored).not.toContain('M54.16');
    expect(stored).not.toContain('62264');
  });
});

describe('reads the scopes do not grant', () => {
  test('Patient, ServiceRequest and Coverage refused count as none; a refused Condition read fails the case', async () => {
    const result = await launch(ehr);
    ehr.scopes.forbidden = ['Patient', 'ServiceRequest', 'Coverage'];
    try {
      const reply = await readCase(result.session!, result.caseToken);
      expect(reply.statusCode).toBe(200);
      expect(reply.json<EhrCase>().encounterId).toBe(ENCOUNTER);
      ehr.scopes.forbidden = ['Condition'];
      const refused = await readCase(result.session!, result.caseToken);
      expect(refused.statusCode).toBe(502);
      const error = refused.json<{ error: { code: string; message: string } }>().error;
      expect(error.code).toBe('EHR_READ_FAILED');
      expect(error.message).toContain('Condition read: HTTP 403');
      expect(error.message).not.toContain(PATIENT);
    } finally {
      ehr.scopes.forbidden = [];
    }
  });
});

describe('searches that come in pages', () => {
  test('every page is read: the case is the same as from one page', async () => {
    const result = await launch(ehr);
    const whole = (await readCase(result.session!, result.caseToken)).json<EhrCase>();
    expect(whole.procedures.length).toBe(2);
    ehr.paging.pageSize = 1;
    try {
      const readsBefore = ehr.fhirReads.length;
      const paged = await readCase(result.session!, result.caseToken);
      expect(paged.statusCode).toBe(200);
      expect(paged.json<EhrCase>()).toEqual(whole);
      const procedurePages = ehr.fhirReads
        .slice(readsBefore)
        .filter((read) => read.startsWith('/fhir/Procedure'));
      expect(procedurePages).toHaveLength(2);
      expect(procedurePages[1]).toContain('_page=2');
    } finally {
      ehr.paging = {};
    }
  });

  test('a next page on another server is not followed (the token stays with the EHR)', async () => {
    const result = await launch(ehr);
    ehr.paging = { pageSize: 1, nextOrigin: 'http://127.0.0.2:9' };
    try {
      const refused = await readCase(result.session!, result.caseToken);
      expect(refused.statusCode).toBe(502);
      const error = refused.json<{ error: { code: string; message: string } }>().error;
      expect(error.code).toBe('EHR_READ_FAILED');
      expect(error.message).toMatch(/outside the EHR’s FHIR base/);
    } finally {
      ehr.paging = {};
    }
  });
});

describe('refused launches', () => {
  test('a wrong state is refused, with no session and no case', async () => {
    const before = await sessionCount();
    const result = await launch(ehr, {
      tamper: (callback) => callback.searchParams.set('state', 'A'.repeat(43)),
    });
    expectRefused(result, /unknown, used or expired state/);
    expect(await sessionCount()).toBe(before);
  });

  test('a callback replayed (the state used once already) is refused', async () => {
    let replay = '';
    const first = await launch(ehr, {
      tamper: (callback) => (replay = `${callback.pathname}${callback.search}`),
    });
    expect(first.answer.statusCode).toBe(302);
    const again = await app.inject({ url: replay });
    expect(again.statusCode).toBe(400);
    expect(again.headers.location).toBeUndefined();
  });

  test('a binding cookie from another launch is refused', async () => {
    const other = await app.inject({
      url: `/smart/launch?iss=${encodeURIComponent(ehr.fhirBase)}`,
    });
    const foreign = other.cookies.find((c) => c.name === 'codecard_smart')!.value;
    const start = await app.inject({
      url: `/smart/launch?iss=${encodeURIComponent(ehr.fhirBase)}&launch=${ehr.launchFor(PATIENT, ENCOUNTER)}`,
    });
    const atEhr = await fetch(String(start.headers.location), { redirect: 'manual' });
    const callback = new URL(atEhr.headers.get('location') ?? '');
    const answer = await app.inject({
      url: `${callback.pathname}${callback.search}`,
      headers: { cookie: `codecard_smart=${foreign}` },
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toMatch(/another browser/);
  });

  test('PKCE: the client always sends S256, and the EHR refuses a token request without a verifier', async () => {
    await launch(ehr);
    expect(
      ehr.authorizeRequests.every((u) => u.searchParams.get('code_challenge_method') === 'S256'),
    ).toBe(true);
    const start = await app.inject({
      url: `/smart/launch?iss=${encodeURIComponent(ehr.fhirBase)}&launch=${ehr.launchFor(PATIENT, ENCOUNTER)}`,
    });
    const atEhr = await fetch(String(start.headers.location), { redirect: 'manual' });
    const callback = new URL(atEhr.headers.get('location') ?? '');
    const noVerifier = await fetch(`${ehr.origin}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: callback.searchParams.get('code') ?? '',
        redirect_uri: `${callback.origin}${callback.pathname}`,
        client_id: ehr.clientId,
      }).toString(),
    });
    expect(noVerifier.status).toBe(400);
    expect(await noVerifier.json()).toMatchObject({ error: 'invalid_request' });
  });

  test('an access token for another audience is refused', async () => {
    ehr.faults = { audience: 'https://another-ehr.example.org/fhir' };
    expectRefused(await launch(ehr), /access token is for another server/);
  });

  test('an expired access token is refused', async () => {
    ehr.faults = { expiredToken: true };
    expectRefused(await launch(ehr), /access token has expired/);
  });

  test('a grant without the encounter context is refused', async () => {
    ehr.faults = { noEncounter: true };
    expectRefused(await launch(ehr), /no encounter/);
  });

  test('an issuer no organization has connected is refused before any redirect', async () => {
    const authorizeBefore = ehr.authorizeRequests.length;
    const answer = await app.inject({
      url: `/smart/launch?iss=${encodeURIComponent('https://unknown-ehr.example.org/fhir')}&launch=x`,
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toMatch(/no organization has an EHR connection for this issuer/);
    expect(ehr.authorizeRequests.length).toBe(authorizeBefore);
    const audit = await library.ctx.db
      .selectFrom('audit_log')
      .select(['outcome', 'org_id'])
      .where('action', '=', 'ehr.launch')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ outcome: 'failed', org_id: null });
  });

  test('another organization’s EHR signs into that organization only; its case opens nothing here', async () => {
    const theirs = await launch(otherEhr);
    expect(theirs.answer.statusCode).toBe(302);
    const me = await app.inject({
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${theirs.session}` },
    });
    expect(me.json()).toMatchObject({ org: { id: OTHER_ORG } });
    const ours = await launch(ehr);
    // Our session with their case token: refused, nothing read from either EHR.
    const reads = otherEhr.fhirReads.length;
    const crossed = await readCase(ours.session!, theirs.caseToken);
    expect(crossed.statusCode).toBe(401);
    expect(crossed.json()).toMatchObject({ error: { code: 'EHR_CASE_REQUIRED' } });
    expect(otherEhr.fhirReads.length).toBe(reads);
  });

  test('a tampered or missing case token opens nothing', async () => {
    const ours = await launch(ehr);
    const token = ours.caseToken!;
    const flipped = `${token.slice(0, -2)}${token.endsWith('A') ? 'B' : 'A'}${token.slice(-1)}`;
    expect((await readCase(ours.session!, flipped)).statusCode).toBe(401);
    expect((await readCase(ours.session!, null)).statusCode).toBe(401);
  });
});

describe('Ask and the card for this patient (X-Codecard-Case)', () => {
  const ask = (session: string, caseToken: string | null, question: string) =>
    app.inject({
      method: 'POST',
      url: '/api/threads',
      headers: {
        authorization: `Bearer ${session}`,
        ...(caseToken ? { 'x-codecard-case': caseToken } : {}),
      },
      payload: { question, dos: '2025-01-01' },
    });

  test('a question about a code gets the case block, on the case date, and it is not stored', async () => {
    const { session, caseToken } = await launch(ehr);
    const reply = await ask(session!, caseToken, 'Can I bill 62264 here?');
    expect(reply.statusCode).toBe(201);
    const { threadId, answer } = reply.json<AskResponse>();
    expect(answer.forCase).toMatchObject({
      encounterId: ENCOUNTER,
      dateOfService: '2026-03-10',
      codes: ['62264'],
    });
    const chart = answer.forCase!.facts.filter((f) => f.origin === 'chart').map((f) => f.text);
    expect(chart).toContain('62264 is on this encounter (2026-03-10): 1 unit(s), modifiers —.');
    expect(chart).toContain("The encounter's diagnoses: M54.16.");
    const stored = await app.inject({
      url: `/api/threads/${threadId}`,
      headers: { authorization: `Bearer ${session}` },
    });
    expect(stored.json<StoredThread>().messages[0]!.answer.forCase).toBeUndefined();
    expect(stored.json<StoredThread>().context.dos).toBe('2025-01-01');
  });

  test('without the header nothing changes; a bad case token is refused as the case route does', async () => {
    const { session } = await launch(ehr);
    const plain = await ask(session!, null, 'Can I bill 62264 here?');
    expect(plain.statusCode).toBe(201);
    expect(plain.json<AskResponse>().answer.forCase).toBeUndefined();
    const bad = await ask(session!, 'not-a-case-token', 'Can I bill 62264 here?');
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toMatchObject({ error: { code: 'EHR_CASE_REQUIRED' } });
  });

  test('the card page’s case: GET /api/ehr/case/codes/:system/:code', async () => {
    const { session, caseToken } = await launch(ehr);
    const url = '/api/ehr/case/codes/icd10cm/m5416?lang=fr';
    const headers = { authorization: `Bearer ${session}` };
    const reply = await app.inject({ url, headers: { ...headers, 'x-codecard-case': caseToken! } });
    expect(reply.statusCode).toBe(200);
    expect(reply.json<CaseAnswer>()).toMatchObject({ codes: ['M54.16'], setting: 'practitioner' });
    expect(reply.json<CaseAnswer>().facts).toContainEqual(
      expect.objectContaining({ origin: 'chart', text: 'Diagnostics de la rencontre : M54.16.' }),
    );
    expect((await app.inject({ url, headers })).statusCode).toBe(401);
  });
});

describe('secrets stay out of logs', () => {
  test('no access token, ID token, session or case token appears in a log line', async () => {
    const result = await launch(ehr);
    await readCase(result.session!, result.caseToken);
    await launch(ehr, { tamper: (callback) => callback.searchParams.set('state', 'x') });
    expect(logs.length).toBeGreaterThan(0);
    expect(ehr.issuedTokens.length).toBeGreaterThan(3);
    for (const token of ehr.issuedTokens) expect(logs).not.toContain(token.split('.')[2]);
    expect(logs).not.toContain(result.session!);
    expect(logs).not.toContain(result.caseToken!);
    expect(logs).not.toContain('code=');
    const stored = JSON.stringify(
      await library.ctx.db.selectFrom('smart_launches').selectAll().execute(),
    );
    for (const token of ehr.issuedTokens) expect(stored).not.toContain(token);
  });
});
