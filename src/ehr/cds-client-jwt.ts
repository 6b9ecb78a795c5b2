import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
} from 'jose';
import type { Db } from '../db/database.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { cdsClientKeys } from './cds-client-keys.ts';
import { recordCdsJti } from './cds-seen-jtis.repository.ts';
import { findEhrConnectionByCdsIssuer } from './ehr-connections.repository.ts';

/** CDS Hooks 2.0 recommends RS384 and ES384; RS256 is still common. */
const algorithms = ['RS384', 'ES384', 'RS256'];
const CLOCK_TOLERANCE_S = 60;
const MAX_LIFETIME_S = 5 * 60;

/** A CDS Hooks JWT that verified: the organization whose EHR signed it. */
export interface CdsClient {
  orgId: string;
  issuer: string;
  /** The origins the organization's EHR may call from (its connection's frame ancestors). */
  origins: string[];
}

/** Why a CDS Hooks JWT was refused, with the organization when the issuer was known. */
export class CdsClientRefusal extends CodecardError {
  readonly orgId: string | null;
  constructor(reason: string, orgId: string | null) {
    super('CDS_CLIENT_REFUSED', { reason });
    this.orgId = orgId;
  }
}

/** Three base64url parts: a JWS compact serialization (API keys and session ids are not). */
export function looksLikeJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token);
}

/**
 * Verifies the JWT an EHR signs a CDS Hooks call with (CDS Hooks 2.0, "Trusting CDS Clients"):
 * its `iss` names an organization's registered CDS client, the signature verifies with that
 * client's keys (its `jku`, when present, must be the registered JWKS URL: no other is ever
 * read), `aud` is the service URL called, `exp` is at most 5 minutes after `iat` and not past,
 * `iat` is not in the future (60 s of clock tolerance), and the `jti` has not been used.
 */
export async function verifyCdsClientJwt(
  db: Db,
  token: string,
  audience: string,
  now = new Date(),
): Promise<CdsClient> {
  let claimedIssuer: string | undefined;
  let kid: string | undefined;
  let jku: string | undefined;
  try {
    claimedIssuer = decodeJwt(token).iss;
    ({ kid, jku } = decodeProtectedHeader(token));
  } catch {
    throw new CdsClientRefusal('not a JWT', null);
  }
  if (!claimedIssuer) throw new CdsClientRefusal('the JWT has no iss', null);
  const connection = await findEhrConnectionByCdsIssuer(db, claimedIssuer);
  if (!connection) throw new CdsClientRefusal('no organization has this CDS client', null);
  const refuse = (reason: string) => new CdsClientRefusal(reason, connection.orgId);
  const jwksUrl = connection.cdsJwksUrl;
  if (!jwksUrl) throw refuse('the CDS client has no JWKS URL');
  if (jku !== undefined && jku !== jwksUrl) throw refuse('the jku is not the registered JWKS URL');

  const verify = async (fresh: boolean): Promise<JWTPayload> => {
    const keys = createLocalJWKSet(await readKeys(jwksUrl, fresh, refuse));
    const { payload } = await jwtVerify(token, keys, {
      algorithms,
      issuer: claimedIssuer,
      audience,
      clockTolerance: CLOCK_TOLERANCE_S,
      requiredClaims: ['iss', 'aud', 'exp', 'iat', 'jti'],
      currentDate: now,
    });
    return payload;
  };
  let payload: JWTPayload;
  try {
    try {
      payload = await verify(false);
    } catch (error) {
      // A key id the cached set lacks: the EHR may have rotated its keys; read them once more.
      if (!(error instanceof errors.JWKSNoMatchingKey) || kid === undefined) throw error;
      payload = await verify(true);
    }
  } catch (error) {
    if (error instanceof CodecardError) throw error;
    throw refuse(joseReason(error));
  }
  const { exp = 0, iat = 0, jti = '' } = payload;
  const nowS = Math.floor(now.getTime() / 1000);
  if (iat > nowS + CLOCK_TOLERANCE_S) throw refuse('the iat is in the future');
  if (exp - iat > MAX_LIFETIME_S) throw refuse('the JWT lives over 5 minutes');
  const used = !(await recordCdsJti(
    db,
    claimedIssuer,
    jti,
    new Date((exp + CLOCK_TOLERANCE_S) * 1000),
  ));
  if (used) throw refuse('the jti was already used');
  return { orgId: connection.orgId, issuer: claimedIssuer, origins: connection.frameAncestors };
}

async function readKeys(
  url: string,
  fresh: boolean,
  refuse: (reason: string) => CdsClientRefusal,
): ReturnType<typeof cdsClientKeys> {
  try {
    return await cdsClientKeys(url, fresh);
  } catch (error) {
    const reason = error instanceof CodecardError ? String(error.params.reason) : 'unreadable';
    throw refuse(reason);
  }
}

/** A short reason for a failed check (jose's messages name the claim, never its value). */
function joseReason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the JWT has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `the ${error.claim} claim is wrong`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the signature is wrong';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no registered key matches';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the algorithm is not accepted';
  return 'the JWT is invalid';
}
