import { toIsoDate } from './iso-date.ts';
import { monthNames } from './month-names.ts';
import type { IsoDate } from '../../domain/day.ts';
import type { Setting } from '../../domain/setting.ts';

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The file name without folders, which is all CMS puts its release information in. */
export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

/**
 * Setting named in a file name or a header: CMS names NCCI files by it ("ccipra" practitioner,
 * "ccioph" outpatient hospital, "MUE_OutpatientHospital", "DMESupplier").
 */
export function settingFromText(text: string): Setting | undefined {
  const lower = text.toLowerCase();
  if (/ccipra|practitioner/.test(lower)) return 'practitioner';
  if (/ccioph|hospital|outpatient|facility/.test(lower)) return 'hospital';
  if (/dme/.test(lower)) return 'dme';
  return undefined;
}

/** NCCI PTP release from "ccipra-v322r0-f1.txt": version 32.2 -> "v32.2". */
export function ncciReleaseFromFileName(fileName: string): string | undefined {
  const match = /v(\d{2})(\d)r\d/i.exec(baseName(fileName));
  return match ? `v${match[1]}.${match[2]}` : undefined;
}

/**
 * The quarter an NCCI release takes effect: CMS numbers versions so that major 26 is 2020 and
 * the minor digit is the quarter (v32.2 -> 2026-07-01, v32.3 -> 2026-10-01).
 */
export function ncciReleaseStart(release: string | undefined): IsoDate | undefined {
  const match = /^v(\d{2})\.([0-3])$/.exec(release ?? '');
  if (!match) return undefined;
  const year = 1994 + Number(match[1]);
  const month = 1 + 3 * Number(match[2]);
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/** "MCR_MUE_PractitionerServices_Eff_07-01-2026.csv" -> 2026-07-01. */
export function effectiveDateFromFileName(fileName: string): IsoDate | undefined {
  const name = baseName(fileName);
  const us = /eff(?:ective)?[ _-]*(\d{1,2})[-_.](\d{1,2})[-_.](\d{4})/i.exec(name);
  if (us) return toIsoDate(`${us[3]}-${us[1]}-${us[2]}`) ?? undefined;
  const iso = /eff(?:ective)?[ _-]*(\d{4})[-_.](\d{1,2})[-_.](\d{1,2})/i.exec(name);
  if (iso) return toIsoDate(`${iso[1]}-${iso[2]}-${iso[3]}`) ?? undefined;
  return undefined;
}

export interface MonthRelease {
  year: number;
  /** 1-12, or null for an annual release. */
  month: number | null;
}

/**
 * Year and month of a quarterly or annual CMS release from names like "HCPC2026_OCT_ANWEB",
 * "PPRRVU2026_Jul_nonQPP", "october-2026-alpha-numeric" or "HCPC2020_ANWEB" (annual).
 */
export function monthReleaseFromFileName(fileName: string): MonthRelease | undefined {
  const name = baseName(fileName).toLowerCase();
  const monthGroup = `(${months.join('|')})[a-z]*`;
  const after = new RegExp(`(?:^|[^0-9])((?:19|20)\\d{2})[ _-]*${monthGroup}`).exec(name);
  if (after) return { year: Number(after[1]), month: months.indexOf(after[2] ?? '') + 1 };
  const before = new RegExp(`(?:^|[^a-z])${monthGroup}[ _-]*((?:19|20)\\d{2})(?![0-9])`).exec(name);
  if (before) return { year: Number(before[2]), month: months.indexOf(before[1] ?? '') + 1 };
  const year = /(?:^|[^0-9])((?:19|20)\d{2})(?![0-9])/.exec(name);
  return year ? { year: Number(year[1]), month: null } : undefined;
}

/** "October 2026" or "2020", as CMS titles its releases. */
export function releaseLabel(release: MonthRelease): string {
  return release.month === null
    ? String(release.year)
    : `${monthNames[release.month - 1] ?? ''} ${release.year}`;
}

/** The first day a release is in effect (annual releases start on January 1). */
export function releaseStart(release: MonthRelease): IsoDate {
  return isoDay(release.year, release.month ?? 1, 1);
}

function isoDay(year: number, month: number, day: number): IsoDate {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
