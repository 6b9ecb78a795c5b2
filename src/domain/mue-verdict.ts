/**
 * Medically unlikely edits: the MUE adjudication indicator says what the limit counts. 1 (line
 * edit) limits the units of one claim line; 2 (policy) and 3 (clinical) limit the units of the
 * code summed over the date of service (CMS, MUE files' "MUE Adjudication Indicator").
 */
export type MueCounting = 'per-line' | 'per-date';

export function mueCounting(adjudication: number | null): MueCounting {
  return adjudication === 1 ? 'per-line' : 'per-date';
}

/** Units reported against the limit: each line alone, or all lines of the code on the date. */
export function mueExcess(value: number, units: number): number {
  return Math.max(0, units - value);
}
