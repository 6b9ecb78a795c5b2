import type { CodeSystem } from './code-system.ts';

/**
 * How a code of each system looks, one pattern per system. Shapes only say what a code could
 * be; whether the library holds it is a lookup.
 */
// CPT Category I (five digits), Category II/III, PLA, MAAA and vaccine codes (nnnnF/T/U/M/A).
const cptPattern = /^(\d{5}|\d{4}[FTUMA])$/;
// HCPCS Level II: a letter A–V and four digits (CDT's D codes share it).
const hcpcsPattern = /^[A-V]\d{4}$/;
// ICD-10-CM, with or without the dot after the category.
const icd10cmPattern = /^[A-Z]\d[0-9A-Z](\.?[0-9A-Z]{1,4})?$/;
const modifierPattern = /^[0-9A-Z]{2}$/;

export function isCptCode(code: string): boolean {
  return cptPattern.test(code);
}

export function isHcpcsCode(code: string): boolean {
  return hcpcsPattern.test(code);
}

/** ICD-10-CM by shape only, with or without the dot. */
export function isIcd10cmCode(code: string): boolean {
  return icd10cmPattern.test(code);
}

export function isModifierCode(code: string): boolean {
  return modifierPattern.test(code);
}

/** A CPT or HCPCS procedure code, already trimmed and upper-cased. */
export function isProcedureCode(code: string): boolean {
  return isCptCode(code) || isHcpcsCode(code);
}

/** Which systems a bare code could belong to, by shape alone (a lookup decides). */
export function systemsForShape(raw: string): CodeSystem[] {
  const code = raw.trim().toUpperCase();
  const systems: CodeSystem[] = [];
  if (isCptCode(code)) systems.push('cpt');
  if (isHcpcsCode(code)) systems.push('hcpcs');
  if (isIcd10cmCode(code)) systems.push('icd10cm');
  if (isModifierCode(code)) systems.push('modifier');
  return systems;
}

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
