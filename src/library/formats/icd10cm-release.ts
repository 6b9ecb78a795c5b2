import { monthNames } from './month-names.ts';
import type { IsoDate } from '../../domain/day.ts';

/** Which ICD-10-CM release a file holds: fiscal year, and the in-year update if there is one. */
export interface Icd10cmRelease {
  fiscalYear: number;
  /** "FY2026", "FY2026 April update", "FY2021 January update". */
  release: string;
  effectiveFrom: IsoDate;
}

const months = [
  ['jan', 'january'],
  ['feb', 'february'],
  ['mar', 'march'],
  ['apr', 'april'],
  ['may'],
  ['jun', 'june'],
  ['jul', 'july'],
  ['aug', 'august'],
  ['sep', 'sept', 'september'],
  ['oct', 'october'],
  ['nov', 'november'],
  ['dec', 'december'],
] as const;

/**
 * Reads the release from a CMS/CDC file name. `icd10cm_order_2026.txt` is FY2026 (in effect
 * from 2025-10-01, the start of the federal fiscal year). A month names an update: October to
 * December belong to the next fiscal year. Only April moves the effective date (CMS's April 1
 * updates add and revise codes from that day); other month labels (the "Jan-2021" copy of FY2021)
 * are republications of the October code set, so they keep the fiscal-year start.
 * Returns null unless the name states exactly one year: a guessed date would be worse than none.
 */
export function icd10cmReleaseFromFileName(fileName: string): Icd10cmRelease | null {
  const base = fileName.replace(/^.*[/\\]/, '');
  const years = new Set([...base.matchAll(/(?<!\d)(20\d{2})(?!\d)/g)].map((m) => Number(m[1])));
  if (years.size !== 1) return null;
  const [year] = [...years] as [number];
  const tokens = base.toLowerCase().split(/[^a-z]+/);
  const month = months.findIndex((names) =>
    tokens.some((t) => (names as readonly string[]).includes(t)),
  );
  if (month === -1) return icd10cmFiscalYear(year);
  const fiscalYear = month >= 9 ? year + 1 : year;
  // The October release is the fiscal year's base release, not an update.
  if (month === 9) return icd10cmFiscalYear(fiscalYear);
  const label = `FY${fiscalYear} ${monthNames[month] ?? ''} update`;
  if (month === 3) {
    return { fiscalYear, release: label, effectiveFrom: `${year}-04-01` };
  }
  return { ...icd10cmFiscalYear(fiscalYear), release: label };
}

/** A fiscal year's base release: FY N runs from N-1-10-01. */
export function icd10cmFiscalYear(fiscalYear: number): Icd10cmRelease {
  return {
    fiscalYear,
    release: `FY${fiscalYear}`,
    effectiveFrom: `${fiscalYear - 1}-10-01`,
  };
}
