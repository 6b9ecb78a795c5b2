import {
  createHash,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Bundle, Resource } from '@medplum/fhirtypes';

/** What the next token response does wrong (for the security tests); reset after each token. */
export interface SimulatorFaults {
  /** An access token already expired (JWT exp in the past, expires_in 0). */
  expiredToken?: boolean;
  /** The access token's `aud`: another server than the FHIR base. */
  audience?: string;
  /** A token response without the encounter context. */
  noEncounter?: boolean;
}

/** What the FHIR server refuses (403) until changed: resource types the token's scopes lack. */
export interface SimulatorScopes {
  forbidden: string[];
}

/** How the FHIR server pages its searches (until changed). */
export interface SimulatorPaging {
  /** Entries per searchset page (default: all on one page). */
  pageSize?: number;
  /** The origin its `next` links name (default its own; another tests where the token goes). */
  nextOrigin?: string;
}

export interface EhrSimulator {
  /** The EHR's origin (http://127.0.0.1:port). */
  origin: string;
  /** The FHIR R4 base: the SMART `iss`. */
  fhirBase: string;
  clientId: string;
  /** Every authorization request received (to check PKCE S256, aud, launch…). */
  authorizeRequests: URL[];
  /** Every token request's form, with the verifier replaced by "present" or missing. */
  tokenRequests: URLSearchParams[];
  /** Every FHIR read (path and query) that was answered 200. */
  fhirReads: string[];
  /** Every access token issued (to check they are absent from logs and the database). */
  issuedTokens: string[];
  faults: SimulatorFaults;
  scopes: SimulatorScopes;
  paging: SimulatorPaging;
  /** A launch id for this patient and encounter (the EHR launch's `launch` parameter). */
  launchFor: (patient: string, encounter: string) => string;
  /** The EHR's chart page, which frames `launchUrl?iss=…&launch=…` (another origin). */
  chartPageUrl: (launchUrl: string, launch: string) => string;
  close: () => Promise<void>;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
  patient: string;
  encounter: string;
}

const builtInFixtures = join(import.meta.dirname, 'fixtures');
/** The case fixtures of src/ehr (issue 18), served beside the simulator's own when present. */
const caseFixtures = join(import.meta.dirname, '../../../src/ehr/fixtures');

/**
 * A small EHR on 127.0.0.1 for the tests: a FHIR R4 server over the Bundles in `fixturesDir`
 * (default: its own fixtures/ and src/ehr/fixtures/ when that exists)
 * (read-only, searches by patient and encounter), its `.well-known/smart-configuration`, and a
 * SMART authorization server written for the tests: /authorize approves at once (recording the
 * request; PKCE S256 and aud = the FHIR base required), /token checks the client and the PKCE
 * verifier and answers with RS256 JWTs (access token with aud = the FHIR base, ID token with
 * fhirUser) and the launch context; /ehr is a chart page framing a launch URL. Public client.
 */
export async function startEhrSimulator(
  options: { clientId?: string; fixturesDir?: string; user?: string } = {},
): Promise<EhrSimulator> {
  const clientId = options.clientId ?? 'codecard-ehr-test';
  const fhirUser = options.user ?? 'Practitioner/sample-practitioner-1';
  const dirs = options.fixturesDir
    ? [options.fixturesDir]
    : [builtInFixtures, ...(existsSync(caseFixtures) ? [caseFixtures] : [])];
  const resources = dirs.flatMap(loadFixtures);
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const launches = new Map<string, { patient: string; encounter: string }>();
  const codes = new Map<string, PendingCode>();
  const state: Omit<EhrSimulator, 'launchFor' | 'chartPageUrl' | 'close'> = {
    origin: '',
    fhirBase: '',
    clientId,
    authorizeRequests: [],
    tokenRequests: [],
    fhirReads: [],
    issuedTokens: [],
    faults: {},
    scopes: { forbidden: [] },
    paging: {},
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, { error: 'server_error' }));
  });
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', state.origin);
    if (url.pathname === '/fhir/.well-known/smart-configuration') {
      return send(res, 200, {
        issuer: state.origin,
        authorization_endpoint: `${state.origin}/authorize`,
        token_endpoint: `${state.origin}/token`,
        jwks_uri: `${state.origin}/jwks`,
        grant_types_supported: ['authorization_code'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['none'],
        scopes_supported: ['openid', 'fhirUser', 'launch', 'launch/patient', 'launch/encounter'],
        response_types_supported: ['code'],
        capabilities: [
          'launch-ehr',
          'launch-standalone',
          'client-public',
          'context-ehr-patient',
          'context-ehr-encounter',
          'sso-openid-connect',
          'permission-v1',
          'permission-v2',
        ],
      });
    }
    if (url.pathname === '/jwks') {
      return send(res, 200, {
        keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'sim', alg: 'RS256', use: 'sig' }],
      });
    }
    if (url.pathname === '/authorize') return authorize(url, res);
    if (url.pathname === '/token' && req.method === 'POST') return token(await form(req), res);
    if (url.pathname === '/ehr') return chartPage(url, res);
    if (url.pathname.startsWith('/fhir/')) return fhir(req, url, res);
    send(res, 404, { error: 'not_found' });
  };

  const authorize = (url: URL, res: ServerResponse): void => {
    state.authorizeRequests.push(url);
    const q = url.searchParams;
    const redirectUri = q.get('redirect_uri');
    if (!redirectUri || q.get('client_id') !== clientId) {
      return send(res, 400, { error: 'invalid_client' });
    }
    const back = new URL(redirectUri);
    const stateParam = q.get('state');
    if (stateParam) back.searchParams.set('state', stateParam);
    const fail = (error: string) => {
      back.searchParams.set('error', error);
      redirect(res, back.href);
    };
    if (q.get('response_type') !== 'code') return fail('unsupported_response_type');
    if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge'))
      return fail('invalid_request');
    if (q.get('aud') !== state.fhirBase) return fail('invalid_request');
    const launch = q.get('launch');
    const context = launch ? launches.get(launch) : firstEncounter(resources);
    if (!context) return fail('invalid_request');
    const code = randomBytes(16).toString('base64url');
    codes.set(code, {
      clientId,
      redirectUri,
      challenge: q.get('code_challenge') ?? '',
      scope: q.get('scope') ?? '',
      ...context,
    });
    back.searchParams.set('code', code);
    redirect(res, back.href);
  };

  const token = (body: URLSearchParams, res: ServerResponse): void => {
    const recorded = new URLSearchParams(body);
    if (recorded.has('code_verifier')) recorded.set('code_verifier', 'present');
    state.tokenRequests.push(recorded);
    const pending = codes.get(body.get('code') ?? '');
    codes.delete(body.get('code') ?? '');
    if (body.get('grant_type') !== 'authorization_code' || !pending)
      return send(res, 400, { error: 'invalid_grant' });
    if (body.get('client_id') !== pending.clientId)
      return send(res, 401, { error: 'invalid_client' });
    if (body.get('redirect_uri') !== pending.redirectUri)
      return send(res, 400, { error: 'invalid_grant' });
    const verifier = body.get('code_verifier');
    if (!verifier) return send(res, 400, { error: 'invalid_request', error_description: 'PKCE' });
    if (createHash('sha256').update(verifier).digest('base64url') !== pending.challenge)
      return send(res, 400, { error: 'invalid_grant' });
    const faults = state.faults;
    state.faults = {};
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = faults.expiredToken ? 0 : 3600;
    const accessToken = jwt(privateKey, {
      iss: state.origin,
      aud: faults.audience ?? state.fhirBase,
      sub: fhirUser,
      scope: pending.scope,
      patient: pending.patient,
      iat: now,
      exp: faults.expiredToken ? now - 60 : now + expiresIn,
      jti: randomBytes(8).toString('hex'),
    });
    state.issuedTokens.push(accessToken);
    const idToken = jwt(privateKey, {
      iss: state.origin,
      aud: clientId,
      sub: 'sample-practitioner-1',
      fhirUser: `${state.fhirBase}/${fhirUser}`,
      name: 'SAMPLE Practitioner',
      iat: now,
      exp: now + 600,
    });
    send(res, 200, {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: expiresIn,
      scope: pending.scope,
      id_token: idToken,
      patient: pending.patient,
      ...(faults.noEncounter ? {} : { encounter: pending.encounter }),
    });
  };

  const fhir = (req: IncomingMessage, url: URL, res: ServerResponse): void => {
    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    const claims = bearer ? verifyJwt(publicKey, bearer) : null;
    const now = Date.now() / 1000;
    if (
      !claims ||
      claims.aud !== state.fhirBase ||
      typeof claims.exp !== 'number' ||
      claims.exp <= now
    )
      return send(res, 401, {
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'login' }],
      });
    const [type, id] = url.pathname.slice('/fhir/'.length).split('/');
    if (type && state.scopes.forbidden.includes(type))
      return send(res, 403, {
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'forbidden' }],
      });
    const ofType = resources.filter((r) => r.resourceType === type);
    if (id) {
      const found = ofType.find((r) => r.id === id);
      if (!found) return send(res, 404, { resourceType: 'OperationOutcome', issue: [] });
      state.fhirReads.push(`${url.pathname}${url.search}`);
      return send(res, 200, found);
    }
    const patient = url.searchParams.get('patient');
    const encounter = url.searchParams.get('encounter');
    const matches = ofType.filter(
      (r) =>
        (!patient || refersTo(r, ['subject', 'beneficiary', 'patient'], `Patient/${patient}`)) &&
        (!encounter || refersTo(r, ['encounter'], `Encounter/${encounter}`)),
    );
    state.fhirReads.push(`${url.pathname}${url.search}`);
    const size = state.paging.pageSize ?? Math.max(1, matches.length);
    const page = Number(url.searchParams.get('_page') ?? '1');
    const onPage = matches.slice((page - 1) * size, page * size);
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      total: matches.length,
      entry: onPage.map((resource) => ({ resource })),
    };
    if (page * size < matches.length) {
      const next = new URL(url.href.replace(state.origin, state.paging.nextOrigin ?? state.origin));
      next.searchParams.set('_page', String(page + 1));
      bundle.link = [{ relation: 'next', url: next.href }];
    }
    send(res, 200, bundle);
  };

  const chartPage = (url: URL, res: ServerResponse): void => {
    const target = new URL(url.searchParams.get('app') ?? '');
    target.searchParams.set('iss', state.fhirBase);
    target.searchParams.set('launch', url.searchParams.get('launch') ?? '');
    const src = target.href.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html><head><title>SAMPLE EHR chart</title></head><body><h1>SAMPLE EHR</h1><iframe id="codecard" title="Codecard" src="${src}" style="width:400px;height:800px;border:1px solid #888"></iframe></body></html>`,
    );
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.fhirBase = `${state.origin}/fhir`;
  return Object.assign(state, {
    launchFor: (patient: string, encounter: string) => {
      const id = randomBytes(8).toString('hex');
      launches.set(id, { patient, encounter });
      return id;
    },
    chartPageUrl: (launchUrl: string, launch: string) =>
      `${state.origin}/ehr?${new URLSearchParams({ app: launchUrl, launch }).toString()}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

function loadFixtures(dir: string): Resource[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => {
      const bundle = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Bundle;
      return (bundle.entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource] : []));
    });
}

function firstEncounter(resources: Resource[]): { patient: string; encounter: string } | undefined {
  const encounter = resources.find((r) => r.resourceType === 'Encounter');
  const patient = (encounter as { subject?: { reference?: string } } | undefined)?.subject
    ?.reference;
  if (!encounter?.id || !patient) return undefined;
  return { patient: patient.replace(/^Patient\//, ''), encounter: encounter.id };
}

function refersTo(resource: Resource, fields: string[], reference: string): boolean {
  const r = resource as unknown as Record<string, { reference?: string } | undefined>;
  return fields.some((field) => r[field]?.reference === reference);
}

function jwt(key: KeyObject, payload: Record<string, unknown>): string {
  const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'sim' })).toString(
    'base64url',
  );
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const signature = sign('sha256', Buffer.from(`${header}.${body}`), key).toString('base64url');
  return `${header}.${body}.${signature}`;
}

function verifyJwt(key: KeyObject, token: string): Record<string, unknown> | null {
  const [header, body, signature] = token.split('.');
  if (!header || !body || !signature) return null;
  const ok = verify(
    'sha256',
    Buffer.from(`${header}.${body}`),
    key,
    Buffer.from(signature, 'base64url'),
  );
  return ok
    ? (JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>)
    : null;
}

async function form(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location });
  res.end();
}
