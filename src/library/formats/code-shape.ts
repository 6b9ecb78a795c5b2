import { systemsForShape } from '../../codes/normalize.ts';

// CPT (99213, 0591T, 0001U), HCPCS Level II (J1040) and CDT (D0120) codes all share this shape;
// tables mix them freely, so one loose pattern is used to tell data rows from captions.
const procedurePattern = /^[0-9A-Z]\d{3}[0-9A-Z]$/;
const modifierPattern = /^[0-9A-Z]{2}$/;

/** A five-character CPT/HCPCS procedure code, already trimmed and upper-cased. */
export function isProcedureCode(code: string): boolean {
  return procedurePattern.test(code);
}

export function isModifierCode(code: string): boolean {
  return modifierPattern.test(code);
}

/** ICD-10-CM by shape only, with or without the dot. */
export function isIcd10cmCode(code: string): boolean {
  return systemsForShape(code).includes('icd10cm');
}

/**
 * Splits a cell that lists several codes ("62321, 62323; 64483 64484") into its codes. Spaces
 * around range dashes are closed up first so "M54.10 - M54.18" stays one range token.
 */
export function splitCodeList(cell: string): string[] {
  return cell
    .toUpperCase()
    .replace(/\s*[-\u2013\u2014]\s*/g, '-')
    .split(/[\s,;|/]+/)
    .filter((token) => token !== '');
}

/** "M54.10-M54.18" or "62320-62327": a range token that needs the code set to expand. */
export function isCodeRange(token: string): boolean {
  return /^[0-9A-Z.]+-[0-9A-Z.]+$/.test(token);
}
