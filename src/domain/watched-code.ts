import { formatIcd10cm, isCptCode, isHcpcsCode, isIcd10cmCode } from './code-shape.ts';

/** The systems a watch list holds: procedure codes and ICD-10-CM diagnoses. */
export const WATCHED_SYSTEMS = ['cpt', 'hcpcs', 'icd10cm'] as const;
export type WatchedSystem = (typeof WATCHED_SYSTEMS)[number];

export interface WatchedCodeShape {
  code: string;
  system: WatchedSystem;
}

/**
 * A code as the watch list stores it, read from what a person typed. A dot makes it a
 * diagnosis; without one a procedure shape wins (A1234 is a HCPCS code first: a diagnosis
 * is typed with its dot, as the library stores it). Null when it is no code of these systems.
 */
export function watchedCodeOf(raw: string): WatchedCodeShape | null {
  const code = raw.trim().toUpperCase();
  if (!code.includes('.') && isCptCode(code)) return { code, system: 'cpt' };
  if (!code.includes('.') && isHcpcsCode(code)) return { code, system: 'hcpcs' };
  if (isIcd10cmCode(code)) return { code: formatIcd10cm(code), system: 'icd10cm' };
  return null;
}
