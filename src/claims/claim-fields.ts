import { MAX_UNITS } from './claim-limits.ts';
import { type Setting, settings } from '../domain/setting.ts';
import { formatIcd10cm } from '../domain/code-shape.ts';

/** Values a caller supplies for claims that do not carry their own (the CLI's flags). */
export interface ClaimDefaults {
  setting?: Setting;
  /** ISO YYYY-MM-DD, used for lines with no date of their own or on their claim. */
  dateOfService?: string;
}

/**
 * Reports a bad value. Each parser passes its own, so one set of field rules serves JSON,
 * CSV and X12 while every message still names the position in that format.
 */
export type Fail = (problem: string) => never;

/** A short, quoted rendering of a user's value for error messages. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  // JSON would print Infinity and NaN as null, and -0 as 0.
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  const text = typeof value === 'string' ? JSON.stringify(value) : safeJson(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function parseSetting(raw: unknown, fail: Fail): Setting {
  const text = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
  const setting = settings.find((candidate) => candidate === text);
  return setting ?? fail(`setting must be one of ${settings.join(', ')}, got ${show(raw)}`);
}

/** True for a calendar date; done by hand because Date.UTC rolls "02-30" over to March. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  // No claim has a service date before 1900; an earlier year is a typo or a placeholder.
  return year >= 1900 && day <= days;
}

export function parseIsoDate(raw: unknown, fail: Fail): string {
  const text = typeof raw === 'string' ? raw.trim() : '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    return fail(`date of service must be a real YYYY-MM-DD date, got ${show(raw)}`);
  }
  return text;
}

/**
 * Procedure codes are compared upper case and trimmed. Only the character set is checked here:
 * whether the code exists (CPT, HCPCS, a local code) is for the lookup to say.
 */
export function parseProcedureCode(raw: unknown, fail: Fail): string {
  if (typeof raw !== 'string') {
    // A JSON number would have lost the leading zeros of codes like 00100.
    return fail(`code must be a string, got ${show(raw)}`);
  }
  const code = raw.trim().toUpperCase();
  if (!/^[A-Z0-9]{1,10}$/.test(code)) {
    return fail(`code must be 1 to 10 letters or digits, got ${show(raw)}`);
  }
  return code;
}

/** Modifiers are written "59" or "-59" in the wild; stored as the two characters. */
export function parseModifier(raw: unknown, fail: Fail): string {
  const modifier = typeof raw === 'string' ? raw.trim().toUpperCase().replace(/^-/, '') : '';
  if (!/^[A-Z0-9]{2}$/.test(modifier)) {
    return fail(`modifier must be two letters or digits, got ${show(raw)}`);
  }
  return modifier;
}

export function parseDiagnosis(raw: unknown, fail: Fail): string {
  const code = typeof raw === 'string' ? formatIcd10cm(raw.trim()) : '';
  if (!/^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/.test(code)) {
    return fail(`diagnosis must be an ICD-10-CM code, got ${show(raw)}`);
  }
  return code;
}

/**
 * Units must be a whole count. Spreadsheets and some 837 writers print "2.0", which is accepted;
 * "1.5" is not, because a fraction of a unit means the wrong unit basis was used.
 */
export function parseUnits(raw: unknown, fail: Fail): number {
  let units = Number.NaN;
  if (typeof raw === 'number') units = raw;
  else if (typeof raw === 'string' && /^\s*\d+(\.0*)?\s*$/.test(raw)) units = Number(raw);
  if (!Number.isInteger(units) || units < 1 || units > MAX_UNITS) {
    return fail(`units must be a whole number from 1 to ${MAX_UNITS}, got ${show(raw)}`);
  }
  return units;
}

/**
 * A whole number written as an id ("1234"), or '' for anything else: a fraction, a negative
 * number or -0, Infinity (1e400 in JSON), NaN, or one too large to be exact (1e21 would print as
 * "1e+21" and two different ids could print alike).
 */
export function wholeNumberText(value: number): string {
  return Number.isSafeInteger(value) && value >= 0 && !Object.is(value, -0) ? String(value) : '';
}

/** A provider is free text (an NPI or a name); JSON writers often give an NPI as a number. */
export function parseProvider(raw: unknown, fail: Fail): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'number') {
    const npi = wholeNumberText(raw);
    if (npi === '') return fail(`provider must be a string or a whole number, got ${show(raw)}`);
    return npi;
  }
  if (typeof raw !== 'string') return fail(`provider must be a string, got ${show(raw)}`);
  const provider = raw.trim();
  return provider === '' ? null : provider;
}

/** Splits a cell that lists several values: "25,59", "25; 59", "25 59", "25|59". */
export function splitList(text: string): string[] {
  return text.split(/[,;|\s]+/).filter((part) => part !== '');
}
