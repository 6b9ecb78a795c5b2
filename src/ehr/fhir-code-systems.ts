import type { Coding } from '@medplum/fhirtypes';

/**
 * The code systems a case reads from FHIR codings, with the spellings EHRs use for them: the
 * canonical FHIR URIs, their OIDs, http/https and trailing-slash variants.
 */
export type CaseCodeSystem = 'icd10cm' | 'cpt' | 'hcpcs';

const systemAliases: Record<CaseCodeSystem, readonly string[]> = {
  icd10cm: ['http://hl7.org/fhir/sid/icd-10-cm', 'urn:oid:2.16.840.1.113883.6.90'],
  cpt: [
    'http://www.ama-assn.org/go/cpt',
    'http://ama-assn.org/go/cpt',
    'urn:oid:2.16.840.1.113883.6.12',
  ],
  hcpcs: [
    'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
    'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
    'urn:oid:2.16.840.1.113883.6.285',
    'urn:oid:2.16.840.1.113883.6.14',
    'http://terminology.hl7.org/CodeSystem/HCPCS',
    'http://terminology.hl7.org/CodeSystem/HCPCS-all-codes',
  ],
};

const normalizeSystem = (system: string) =>
  system
    .trim()
    .toLowerCase()
    .replace(/^https:/, 'http:')
    .replace(/\/+$/, '');

const bySystem = new Map<string, CaseCodeSystem>(
  Object.entries(systemAliases).flatMap(([name, aliases]) =>
    aliases.map((alias) => [normalizeSystem(alias), name as CaseCodeSystem] as const),
  ),
);

/** Which of the case's code systems a coding is in, or null for any other system. */
export function caseCodeSystem(coding: Coding): CaseCodeSystem | null {
  return coding.system === undefined
    ? null
    : (bySystem.get(normalizeSystem(coding.system)) ?? null);
}

/** An ICD-10-CM code dotted after its third character ("M5416" and "m54.16" → "M54.16"), or null. */
export function normalizeIcd10cm(code: string): string | null {
  const bare = code.trim().toUpperCase().replace(/\./g, '');
  if (!/^[A-Z][0-9][0-9A-Z]([0-9A-Z]{1,4})?$/.test(bare)) return null;
  return bare.length > 3 ? `${bare.slice(0, 3)}.${bare.slice(3)}` : bare;
}

export interface ProcedureCode {
  code: string;
  system: 'cpt' | 'hcpcs';
  /** Modifiers written onto the code itself ("62264-52"). */
  modifiers: string[];
}

/**
 * A CPT or HCPCS code as Codecard checks it. A five-digit code in a HCPCS system is HCPCS level I,
 * that is CPT; "62264-52" and "62264 52" carry their modifiers. Null when the code is not well formed.
 */
export function normalizeProcedureCode(
  code: string,
  system: 'cpt' | 'hcpcs',
): ProcedureCode | null {
  const [head = '', ...rest] = code
    .trim()
    .toUpperCase()
    .split(/[\s-]+/);
  const modifiers = rest.filter((m) => m !== '');
  if (!modifiers.every(isModifier)) return null;
  if (/^\d{4}[0-9FTU]$/.test(head)) return { code: head, system: 'cpt', modifiers };
  if (system === 'hcpcs' && /^[A-V]\d{4}$/.test(head)) return { code: head, system, modifiers };
  return null;
}

/** A two-character CPT/HCPCS modifier ("59", "XS", "LT"). */
export function isModifier(value: string): boolean {
  return /^[0-9A-Z]{2}$/.test(value);
}
