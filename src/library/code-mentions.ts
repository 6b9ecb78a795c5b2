import type { CodeSystem } from '../domain/code-system.ts';
import { normalizeCode } from '../domain/code-shape.ts';

export interface CodeMention {
  system: CodeSystem;
  /** Normalized with `normalizeCode` (ICD-10-CM with its dot, modifiers without a hyphen). */
  code: string;
  /** Span in the text: the code itself, or the whole range text for `via: 'range'`. */
  start: number;
  end: number;
  via: 'literal' | 'range';
}

/** Lists the codes a range covers (usually from the code table); endpoints come normalized. */
export type RangeExpander = (system: CodeSystem, from: string, to: string) => string[];

/**
 * Finds the codes a text mentions, by shape and context. Candidates, not facts: a lookup in
 * the code tables decides whether a mention names a real code. The rules:
 *
 * - CPT: 5 digits (Category I) or 4 digits + F/T/U (Category II, III, PLA) or 0nnnA/0nnnM,
 *   word-bounded, never part of a longer number, a decimal ("12345.67", "12345,67"), an amount
 *   ("$12345", "12345%"), a ZIP code ("MD 21244", "21244-1850", "zip 12345"), a reference
 *   number ("CR 12345", "#12345", "fax 12345"), a quantity ("12345 mg") or a URL/e-mail.
 * - HCPCS Level II: one capital A-V and 4 digits (J1040).
 * - ICD-10-CM: capital letter, digit, digit/A/B, then optionally up to 4 more characters,
 *   with or without the dot (M54.16, M5416, S72.001A). Shape conflicts: a dotless token that
 *   also has the HCPCS shape (letter + 4 digits, e.g. M5416) is reported as HCPCS only; write
 *   the dot to get ICD-10-CM. Dotless L/A + 5 digits (L34816, A57829) are LCD and article
 *   numbers, not ICD. A bare 3-character category (I10, E11) needs ICD context nearby
 *   ("ICD-10", "category", "diagnosis", "dx") or an adjacent ICD mention, so vertebral levels
 *   (T10, L45) and vitamin names stay out.
 * - Letter-led codes must be written in capitals; callers with typed input may upper-case
 *   ASCII letters first (offsets stay valid).
 * - Modifiers only in context: "modifier 59", "modifiers 59, XE and XS", "the 25 modifier",
 *   "62321-59", "J1040-JW", a standalone "-XS", and slash pairs mixing a number and letters
 *   ("59/XE") or of anatomic/X modifiers ("LT/RT", "XE/XS").
 * - Ranges "62321-62327", "62321–62327", "62321 through 62327" (same system, ascending): with
 *   `expandRange`, every code it returns (via 'range', span = the whole range); without it, or
 *   when it returns nothing, the two endpoints as literal mentions.
 */
export function detectCodeMentions(text: string, expandRange?: RangeExpander): CodeMention[] {
  const found = new Map<string, CodeMention>();
  const add = (mention: CodeMention) => {
    found.set(`${mention.start}:${mention.end}:${mention.system}:${mention.code}`, mention);
  };
  const taken = findRanges(text, expandRange, add);
  const categories = findLiteralCodes(text, taken, add);
  findModifierPhrases(text, add);
  acceptCategories(text, categories, [...found.values()], add);
  return [...found.values()].sort(
    (a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code),
  );
}

/**
 * Hands every range a text mentions to `expandRange`, exactly as `detectCodeMentions` would,
 * without finding the other mentions: a cheap first pass that learns which ranges to look up.
 */
export function findRangeMentions(text: string, expandRange: RangeExpander): void {
  findRanges(text, expandRange, () => {});
}

type Shape =
  | { system: 'cpt'; family: 'numeric' | 'suffix' }
  | { system: 'hcpcs' }
  | { system: 'icd10cm'; category: boolean };

/** The system a whole token belongs to by shape (case-sensitive: capitals only). */
function classify(token: string): Shape | null {
  if (/^\d{5}$/.test(token)) return { system: 'cpt', family: 'numeric' };
  if (/^(\d{4}[FTU]|0\d{3}[AM])$/.test(token)) return { system: 'cpt', family: 'suffix' };
  if (/^[A-V]\d{4}$/.test(token)) return { system: 'hcpcs' };
  if (/^[A-Z]\d[0-9AB]\.[0-9A-Z]{1,4}$/.test(token)) return { system: 'icd10cm', category: false };
  if (/^[A-Z]\d[0-9AB][0-9A-Z]{1,4}$/.test(token) && !/^[LA]\d{5}$/.test(token)) {
    return { system: 'icd10cm', category: false };
  }
  if (/^[A-Z]\d[0-9AB]$/.test(token)) return { system: 'icd10cm', category: true };
  return null;
}

const codeShape = String.raw`\d{5}|\d{4}[FTU]|0\d{3}[AM]|[A-Z]\d[0-9AB](?:\.[0-9A-Z]{1,4}|[0-9A-Z]{1,4})?`;
const rangePattern = new RegExp(
  String.raw`(?<![A-Za-z0-9.$#_])(${codeShape})(\s*[-–—]\s*|\s+(?:through|thru)\s+)(${codeShape})(?![A-Za-z0-9_]|[.,]\d)`,
  'g',
);

type Span = [number, number];

function findRanges(
  text: string,
  expandRange: RangeExpander | undefined,
  add: (m: CodeMention) => void,
): Span[] {
  const taken: Span[] = [];
  for (const match of text.matchAll(rangePattern)) {
    const [whole, fromRaw = '', separator = '', toRaw = ''] = match;
    const start = match.index;
    const end = start + whole.length;
    const from = classify(fromRaw);
    const to = classify(toRaw);
    if (!from || !to || from.system !== to.system || inUrl(text, start, end)) continue;
    if (from.system === 'icd10cm' && from.category && !hasIcdContext(text, start)) continue;
    const system = from.system;
    const fromCode = normalizeCode(system, fromRaw);
    const toCode = normalizeCode(system, toRaw);
    const toStart = start + fromRaw.length + separator.length;
    const endpoints = () => {
      add({ system, code: fromCode, start, end: start + fromRaw.length, via: 'literal' });
      add({ system, code: toCode, start: toStart, end, via: 'literal' });
    };
    taken.push([start, end]);
    if (!isAscendingPair(fromRaw, toRaw)) {
      endpoints();
      continue;
    }
    const expanded = expandRange ? expandRange(system, fromCode, toCode) : [];
    if (expanded.length === 0) {
      endpoints();
      continue;
    }
    for (const code of new Set(expanded.map((c) => normalizeCode(system, c)))) {
      add({ system, code, start, end, via: 'range' });
    }
  }
  return taken;
}

/** Endpoints of one kind (same length and suffix for CPT, same letter otherwise), ascending. */
function isAscendingPair(from: string, to: string): boolean {
  const a = from.replace('.', '');
  const b = to.replace('.', '');
  if (/^\d/.test(a) || /^\d/.test(b)) {
    const suffix = (code: string) => (/[A-Z]$/.test(code) ? code.slice(-1) : '');
    return a.length === b.length && suffix(a) === suffix(b) && a < b;
  }
  return a[0] === b[0] && a < b;
}

const tokenPattern = /[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*/g;
const attachedModifiers = /^(?:-[0-9A-Z]{2})+(?![A-Za-z0-9])/;
const referenceBefore =
  /(?:\b(?:zip(?:\s*code)?|postal\s+code|p\.?\s*o\.?\s+box|box|suite|ste\.?|fax|phone|tel\.?|transmittal|page|pages)\s*[:.#]?\s*|#\s*|\$\s*|\+\s*)$/i;
const capitalReferenceBefore = /(?:\b(?:CR|MM|FR|ID|No\.)\s*[:#]?\s*|,\s*[A-Z]{2}\s+)$/;
const quantityAfter =
  /^(?:%|\s*(?:mg|mcg|µg|ml|kg|lbs?|units?|patients|people|persons|beneficiaries|claims|cases|dollars|miles|feet|ft)\b)/i;

interface Category {
  code: string;
  start: number;
  end: number;
}

/** Literal codes (and modifiers hyphen-attached to them); returns 3-character categories. */
function findLiteralCodes(text: string, taken: Span[], add: (m: CodeMention) => void): Category[] {
  const categories: Category[] = [];
  let rangeIndex = 0;
  for (const match of text.matchAll(tokenPattern)) {
    const token = match[0];
    const start = match.index;
    const end = start + token.length;
    while (rangeIndex < taken.length && (taken[rangeIndex]?.[1] ?? 0) <= start) rangeIndex++;
    const range = taken[rangeIndex];
    if (range && range[0] < end) continue;
    const shape = classify(token);
    if (!shape || inUrl(text, start, end) || /[_@]/.test(text[start - 1] ?? '')) continue;
    if (/[_@]/.test(text[end] ?? '')) continue;
    const after = text.slice(end, end + 40);
    const modifiers = shape.system === 'icd10cm' ? null : attachedModifiers.exec(after);
    if (shape.system === 'cpt' && shape.family === 'numeric') {
      if (!modifiers && /^-\d/.test(after)) continue;
      if (/^,\d{1,3}(?!\d)/.test(after) || quantityAfter.test(after)) continue;
      const before = text.slice(Math.max(0, start - 24), start);
      if (/\d-$/.test(before) || referenceBefore.test(before)) continue;
      if (capitalReferenceBefore.test(before)) continue;
    } else if (/[A-Za-z0-9]-$/.test(text.slice(Math.max(0, start - 2), start))) {
      continue;
    }
    if (shape.system === 'icd10cm' && shape.category) {
      categories.push({ code: normalizeCode('icd10cm', token), start, end });
      continue;
    }
    add({
      system: shape.system,
      code: normalizeCode(shape.system, token),
      start,
      end,
      via: 'literal',
    });
    if (modifiers) {
      let at = end;
      for (const part of modifiers[0].split('-').slice(1)) {
        at += 1;
        add({ system: 'modifier', code: part, start: at, end: at + 2, via: 'literal' });
        at += 2;
      }
    }
  }
  return categories;
}

/** Tokens inside a URL or an e-mail address are identifiers, not codes. */
function inUrl(text: string, start: number, end: number): boolean {
  // Bounded look-around keeps a long run without spaces linear, not quadratic.
  const floor = Math.max(0, start - 256);
  const ceiling = Math.min(text.length, end + 256);
  let from = start;
  let to = end;
  while (from > floor && !/\s/.test(text[from - 1] ?? ' ')) from--;
  while (to < ceiling && !/\s/.test(text[to] ?? ' ')) to++;
  const word = text.slice(from, to);
  return /:\/\/|@|\bwww\./i.test(word);
}

// "Is M54 billable?": billability is asked of diagnosis codes, so it is ICD context too.
const icdContext =
  /\b(?:ICD(?:-?10(?:-?CM)?)?|categor(?:y|ies)|diagnos[ie]s|dx|billable|header)\b/i;

function hasIcdContext(text: string, start: number): boolean {
  // Before the token ("ICD-10 M54") or just after it ("M54 billable?").
  return (
    icdContext.test(text.slice(Math.max(0, start - 40), start)) ||
    /^\s*(?:is\s+)?(?:a\s+)?(?:billable|header)\b/i.test(text.slice(start + 3, start + 40))
  );
}

/** Categories stand when ICD context precedes them or they sit in a list with an ICD code. */
function acceptCategories(
  text: string,
  categories: Category[],
  mentions: CodeMention[],
  add: (m: CodeMention) => void,
): void {
  const icd = mentions.filter((m) => m.system === 'icd10cm').map((m) => [m.start, m.end] as Span);
  const adjacent = (a: number, b: number) =>
    a <= b && /^[\s,;/]*(?:(?:and|or)\s+)?$/.test(text.slice(a, b)) && b - a <= 10;
  for (const category of categories) {
    const near = icd.some(([s, e]) => adjacent(e, category.start) || adjacent(category.end, s));
    if (!near && !hasIcdContext(text, category.start)) continue;
    add({
      system: 'icd10cm',
      code: category.code,
      start: category.start,
      end: category.end,
      via: 'literal',
    });
    icd.push([category.start, category.end]);
  }
}

const modifierKeyword = /\b(?:modifiers?|mods?)\b\.?(?:\s*\(s\))?\s*[:#]?\s*/gi;
const modifierItem = /["'“‘]?-?([0-9A-Z]{2})["'”’]?(?![A-Za-z0-9])/y;
const modifierSeparator = /\s*,\s*(?:(?:and|or|and\/or)\s+)?|\s*[/&+]\s*|\s+(?:and|or|and\/or)\s+/y;
const modifierBeforeKeyword = /(?<![A-Za-z0-9-])-?([0-9A-Z]{2})\s+modifiers?\b/g;
const hyphenModifier = /(?<=^|[\s([,;])-([A-Z][A-Z0-9])(?![A-Za-z0-9-])/g;
const slashGroup = /(?<![A-Za-z0-9/.-])[0-9A-Z]{2}(?:\/[0-9A-Z]{2})+(?![A-Za-z0-9/])/g;
const pairedModifier = /^(?:X[EPSU]|LT|RT|[EFT][A1-9])$/;

function findModifierPhrases(text: string, add: (m: CodeMention) => void): void {
  const modifier = (code: string, start: number) =>
    add({
      system: 'modifier',
      code: normalizeCode('modifier', code),
      start,
      end: start + 2,
      via: 'literal',
    });
  for (const keyword of text.matchAll(modifierKeyword)) {
    let at = keyword.index + keyword[0].length;
    for (;;) {
      modifierItem.lastIndex = at;
      const item = modifierItem.exec(text);
      if (!item?.[1]) break;
      modifier(item[1], item.index + item[0].indexOf(item[1]));
      at = item.index + item[0].length;
      modifierSeparator.lastIndex = at;
      const separator = modifierSeparator.exec(text);
      if (!separator) break;
      at = separator.index + separator[0].length;
    }
  }
  for (const match of text.matchAll(modifierBeforeKeyword)) {
    if (match[1]) modifier(match[1], match.index + match[0].indexOf(match[1]));
  }
  for (const match of text.matchAll(hyphenModifier)) {
    if (match[1]) modifier(match[1], match.index + 1);
  }
  for (const match of text.matchAll(slashGroup)) {
    const parts = match[0].split('/');
    const mixed = parts.some((p) => /^\d\d$/.test(p)) && parts.some((p) => /[A-Z]/.test(p));
    if (!mixed && !parts.every((p) => pairedModifier.test(p))) continue;
    parts.forEach((part, i) => modifier(part, match.index + i * 3));
  }
}
