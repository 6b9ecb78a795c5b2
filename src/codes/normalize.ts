import type { CodeSystem } from '../library/formats/fact-record.ts';

/** ICD-10-CM codes are stored with the dot after the category ("M5416" -> "M54.16"). */
export function formatIcd10cm(raw: string): string {
  const compact = raw.replace(/[.\s]/g, '').toUpperCase();
  return compact.length > 3 ? `${compact.slice(0, 3)}.${compact.slice(3)}` : compact;
}

/** The canonical stored form of a code in a system: upper case, trimmed, ICD with its dot. */
export function normalizeCode(system: CodeSystem, raw: string): string {
  const trimmed = raw.trim().toUpperCase();
  switch (system) {
    case 'icd10cm':
      return formatIcd10cm(trimmed);
    case 'cpt':
    case 'hcpcs':
    case 'modifier':
      return trimmed.replace(/^-/, '');
  }
}

const patterns: Record<Exclude<CodeSystem, 'modifier'>, RegExp> = {
  // CPT Category I (5 digits) and Category II/III and PLA codes (nnnnF / nnnnT / nnnnU, nnnnM/A).
  cpt: /^(\d{5}|\d{4}[FTUMA])$/,
  hcpcs: /^[A-V]\d{4}$/,
  icd10cm: /^[A-Z]\d[0-9A-Z](\.?[0-9A-Z]{1,4})?$/,
};

/** Which systems a bare code could belong to, by shape alone (a lookup decides). */
export function systemsForShape(raw: string): CodeSystem[] {
  const code = raw.trim().toUpperCase();
  const systems: CodeSystem[] = [];
  if (patterns.cpt.test(code)) systems.push('cpt');
  if (patterns.hcpcs.test(code)) systems.push('hcpcs');
  if (patterns.icd10cm.test(code)) systems.push('icd10cm');
  if (/^[A-Z0-9]{2}$/.test(code)) systems.push('modifier');
  return systems;
}
