import type { IsoDate } from '../../domain/day.ts';

const compact = /^(\d{4})(\d{2})(\d{2})$/;
const isoLike = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/;
// US order is what CMS and US payers publish (MM/DD/YYYY); day-first files are not expected.
const usLike = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

/**
 * Reads the date spellings found in CMS and payer tables (YYYYMMDD, YYYY-MM-DD, MM/DD/YYYY)
 * into ISO YYYY-MM-DD. Returns null for anything that is not a real calendar date, so callers
 * can turn a bad cell into a skipped row instead of storing a wrong date.
 */
export function toIsoDate(raw: string): IsoDate | null {
  const text = raw.trim();
  let match = compact.exec(text) ?? isoLike.exec(text);
  if (match) return calendarDate(match[1], match[2], match[3]);
  match = usLike.exec(text);
  if (match) return calendarDate(match[3], match[1], match[2]);
  return null;
}

function calendarDate(
  yearText: string | undefined,
  monthText: string | undefined,
  dayText: string | undefined,
): IsoDate | null {
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
