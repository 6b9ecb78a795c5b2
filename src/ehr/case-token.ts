import type { Sealer } from '../access/sso-seal.ts';

/**
 * What a SMART launch hands the page for its case (`X-Codecard-Case`): the EHR's access token
 * and launch context, sealed (the page can neither read the token nor change the patient) and
 * bound to the user and organization it was issued to. It expires with the access token.
 */
export interface CaseToken {
  orgId: string;
  userId: string;
  /** The FHIR base (the launch's `iss`). */
  iss: string;
  accessToken: string;
  patient: string;
  encounter: string;
}

export function sealCaseToken(sealer: Sealer, token: CaseToken, expiresAt: Date): string {
  return sealer.seal({ kind: 'case', ...token }, expiresAt);
}

/** The case token, or null when it was tampered with, is not a case token, or expired. */
export function openCaseToken(sealer: Sealer, sealed: string, now: Date): CaseToken | null {
  const value = sealer.open(sealed, now);
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.kind !== 'case') return null;
  const fields = [v.orgId, v.userId, v.iss, v.accessToken, v.patient, v.encounter];
  if (!fields.every((f) => typeof f === 'string' && f.length > 0)) return null;
  return {
    orgId: v.orgId as string,
    userId: v.userId as string,
    iss: v.iss as string,
    accessToken: v.accessToken as string,
    patient: v.patient as string,
    encounter: v.encounter as string,
  };
}
