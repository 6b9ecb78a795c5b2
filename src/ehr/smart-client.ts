import * as oidc from 'openid-client';
import { CodecardError } from '../errors/codecard-error.ts';
import { isLoopbackHttp } from './bounded-fetch.ts';
import { normalizeFhirBase } from './fhir-base.ts';
import type { SmartConfiguration } from './smart-configuration.ts';

/** The default scopes of a connection (v1 `.read`; the v2 `.rs` forms are accepted too). */
export const DEFAULT_SMART_SCOPES =
  'launch openid fhirUser patient/Encounter.read patient/Condition.read patient/Procedure.read patient/Coverage.read';

/** What the EHR granted, checked: the launch context and the user behind it. */
export interface SmartGrant {
  accessToken: string;
  patient: string;
  encounter: string;
  /** When the access token stops working. */
  expiresAt: Date;
  /** The ID token's subject and fhirUser (e.g. "Practitioner/123"). */
  subject: string;
  fhirUser: string | null;
  name: string | null;
}

/**
 * A SMART App Launch 2.x client for one EHR: a public client (PKCE S256, no secret), its
 * authorization server given by the EHR's smart-configuration, handled by openid-client.
 */
export class SmartClient {
  private readonly configuration: oidc.Configuration;

  constructor(
    private readonly iss: string,
    clientId: string,
    smart: SmartConfiguration,
  ) {
    const metadata: oidc.ServerMetadata = {
      ...smart,
      issuer: smart.issuer ?? iss,
      authorization_endpoint: smart.authorization_endpoint,
      token_endpoint: smart.token_endpoint,
    };
    this.configuration = new oidc.Configuration(metadata, clientId, undefined, oidc.None());
    // openid-client speaks only https; plain http is let through for an EHR on this machine.
    if (isLoopbackHttp(new URL(smart.token_endpoint))) {
      oidc.allowInsecureRequests(this.configuration);
    }
  }

  /** The authorization URL: code flow, PKCE S256, state, aud = iss, and the EHR's launch. */
  async authorizationUrl(options: {
    redirectUri: string;
    scopes: string;
    state: string;
    codeVerifier: string;
    launch: string | null;
  }): Promise<URL> {
    const parameters: Record<string, string> = {
      response_type: 'code',
      redirect_uri: options.redirectUri,
      scope: options.scopes,
      state: options.state,
      aud: this.iss,
      code_challenge: await oidc.calculatePKCECodeChallenge(options.codeVerifier),
      code_challenge_method: 'S256',
    };
    if (options.launch) parameters.launch = options.launch;
    return oidc.buildAuthorizationUrl(this.configuration, parameters);
  }

  /**
   * Exchanges the code (with the PKCE verifier; openid-client checks the state and the ID token:
   * issuer, audience, expiry) and checks what SMART adds: the patient and encounter, a positive
   * expires_in, and, where the access token is a JWT, its audience (this FHIR base) and expiry.
   */
  async exchange(callbackUrl: URL, state: string, codeVerifier: string, now: Date) {
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(this.configuration, callbackUrl, {
        pkceCodeVerifier: codeVerifier,
        expectedState: state,
        idTokenExpected: true,
      });
    } catch (error) {
      throw refused('the EHR’s answer was refused', error);
    }
    const patient = tokens.patient;
    const encounter = tokens.encounter;
    if (typeof patient !== 'string' || patient === '') throw refused('the EHR gave no patient');
    if (typeof encounter !== 'string' || encounter === '')
      throw refused('the EHR gave no encounter');
    const expiresIn = tokens.expires_in;
    if (typeof expiresIn !== 'number' || expiresIn <= 0)
      throw refused('the access token has expired');
    let expiresAt = new Date(now.getTime() + expiresIn * 1000);
    const jwt = jwtClaims(tokens.access_token);
    if (jwt) {
      if (!audienceIncludes(jwt.aud, this.iss))
        throw refused('the access token is for another server');
      if (typeof jwt.exp === 'number') {
        if (jwt.exp * 1000 <= now.getTime()) throw refused('the access token has expired');
        expiresAt = new Date(Math.min(expiresAt.getTime(), jwt.exp * 1000));
      }
    }
    const id = tokens.claims();
    if (!id) throw refused('no ID token');
    return {
      accessToken: tokens.access_token,
      patient,
      encounter,
      expiresAt,
      subject: id.sub,
      fhirUser: typeof id.fhirUser === 'string' ? id.fhirUser : null,
      name: typeof id.name === 'string' ? id.name : null,
    } satisfies SmartGrant;
  }
}

/** The payload of a JWT access token, or null when the token is opaque (then the EHR checks it). */
function jwtClaims(token: string): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
    return typeof payload === 'object' && payload !== null
      ? (payload as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function audienceIncludes(aud: unknown, iss: string): boolean {
  if (aud === undefined) return true;
  const list = Array.isArray(aud) ? aud : [aud];
  const wanted = normalizeFhirBase(iss);
  return list.some((a) => typeof a === 'string' && normalizeFhirBase(a) === wanted);
}

/**
 * SMART_LAUNCH_FAILED with a short reason. openid-client's error (kept as the cause) may quote
 * token contents, so only its code reaches the log.
 */
function refused(reason: string, cause?: unknown): CodecardError {
  const error = new CodecardError('SMART_LAUNCH_FAILED', { reason });
  if (cause !== undefined) error.cause = cause;
  return error;
}
