import { detectCodeMentions, type RangeExpander } from '../../library/code-mentions.ts';
import { splitInstructions } from './injection.ts';
import { stopCharacters, stopWords } from './stop-words.ts';

/**
 * Whether a sentence rests on the passages it cites. Two tests, both required:
 *
 * 1. Content overlap. The sentence and the passages become content units: words after NFKC,
 *    lower-casing and light Arabic normalization, minus stop words and single letters, without
 *    a Latin plural "s" and cut to their first 5 letters (a crude stem: "covered" meets
 *    "coverage", "procedimientos" meets "procedimiento"); and, for Han, kana and Hangul —
 *    written without spaces, or (Korean) with particles glued on — character bigrams. At least
 *    half of the sentence's units, and never fewer than 2, must occur in the union of the cited
 *    passages.
 * 2. Codes. Every code the sentence names (CPT, HCPCS, ICD-10-CM, a modifier in context such as
 *    "modifier 59") must occur in a cited passage. A paraphrase may move words; it may not
 *    bring a code of its own.
 *
 * 3. Facts. Words may come from anywhere in a passage, facts may not: the codes a sentence
 *    puts together must stand together in one place of a cited passage (a sentence and the
 *    next), every number it gives must be in a cited passage, and a sweeping claim ("always",
 *    "every diagnosis", "todos", "所有") needs a sweeping word in a place that shares at least
 *    half of its words. "62264 is always billed with 77003" finds no support in a passage that
 *    names 62264 in one paragraph and 77003 in another.
 *
 * Instruction-like sentences of a passage (injection.ts) are not evidence at all; and a
 * sentence that restates one is dropped even where the rest of the passage would carry it
 * (`restatesInstruction`).
 *
 * Overlap is evidence of grounding, not of meaning: a sentence that reverses what its passage
 * says with the same words passes. The caller shows the cited passages beside the answer.
 */

export type SupportFailure =
  | 'too-few-words'
  | 'low-overlap'
  | 'code-not-in-passage'
  | 'codes-not-together'
  | 'number-not-in-passage'
  | 'sweeping-claim';

/** What one place in a passage states: its content units, codes and numbers. */
export interface Facts {
  units: ReadonlySet<string>;
  codes: ReadonlySet<string>;
  numbers: ReadonlySet<string>;
  sweeping: boolean;
  /** The text with ASCII letters upper-cased, for literal code look-ups. */
  upper: string;
}

/** What one passage offers as evidence, computed once per request. */
export interface Evidence extends Facts {
  /** Each sentence with the next (and the title): where facts must stand together. */
  places: Facts[];
  /** The passage's instruction-like sentences, which are not evidence (one each). */
  instructions: Facts[];
}

const minimumUnits = 2;
const stemLength = 5;

const cjkRun = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const word = /[\p{L}\p{N}\p{M}]+/gu;
const arabicMarks = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;

/**
 * The evidence of a passage's statements (its instruction-like sentences left out); `title`
 * belongs to every place.
 */
export function buildEvidence(text: string, title = ''): Evidence {
  const { statements, instructions } = splitInstructions(text);
  const named = splitInstructions(title);
  const head = merged(named.statements.map(factsOf));
  const facts = statements.map(factsOf);
  const places = facts.map((sentence, i) => merged([head, sentence, facts[i + 1]]));
  return {
    ...merged([head, ...facts]),
    places,
    instructions: [...named.instructions, ...instructions].map(factsOf),
  };
}

function merged(parts: readonly (Facts | undefined)[]): Facts {
  const present = parts.filter((part): part is Facts => part !== undefined);
  const union = (pick: (facts: Facts) => ReadonlySet<string>) =>
    new Set(present.flatMap((facts) => [...pick(facts)]));
  return {
    units: union((facts) => facts.units),
    codes: union((facts) => facts.codes),
    numbers: union((facts) => facts.numbers),
    sweeping: present.some((facts) => facts.sweeping),
    upper: present.map((facts) => facts.upper).join('\n'),
  };
}

function factsOf(text: string): Facts {
  const units = new Set<string>();
  const normalized = normalize(text);
  for (const w of words(normalized)) units.add(stem(w));
  for (const unit of cjkUnits(normalized)) units.add(unit);
  return {
    units,
    codes: codeKeys(text),
    numbers: numbersIn(text),
    sweeping: sweeping.test(normalized),
    upper: asciiUpper(text),
  };
}

export function checkSupport(sentence: string, cited: readonly Evidence[]): SupportFailure | null {
  const codes = codeKeys(sentence);
  for (const code of codes) {
    if (!cited.some((evidence) => hasCode(evidence, code))) return 'code-not-in-passage';
  }
  const places = cited.flatMap((evidence) => evidence.places);
  const procedureCodes = [...codes].filter((key) => !key.startsWith('modifier:'));
  if (procedureCodes.length >= 2) {
    const together = places.some((place) => procedureCodes.every((key) => hasCode(place, key)));
    if (!together) return 'codes-not-together';
  }
  for (const number of numbersIn(sentence)) {
    if (!cited.some((evidence) => evidence.numbers.has(number))) return 'number-not-in-passage';
  }
  // A code that passed the check above counts as found even where the passage has it only
  // through a range ("62321-62327" for 62323).
  const checked = new Set([...codes].map((key) => key.toLowerCase()));
  const units = contentUnits(sentence);
  if (units.length < minimumUnits) return 'too-few-words';
  const needed = Math.max(minimumUnits, Math.ceil(units.length / 2));
  const foundIn = (facts: Facts) =>
    units.filter((unit) => checked.has(unit) || facts.units.has(unit)).length;
  const found = units.filter(
    (unit) => checked.has(unit) || cited.some((evidence) => evidence.units.has(unit)),
  ).length;
  if (found < needed) return 'low-overlap';
  if (sweeping.test(normalize(sentence))) {
    if (!places.some((place) => place.sweeping && foundIn(place) >= needed))
      return 'sweeping-claim';
  }
  return null;
}

/**
 * Whether a sentence restates an instruction planted in the passages rather than what they
 * state: it uses a word that only their instructions use (a planted marker, the planted
 * claim's own terms), or an instruction covers more of it than the statements do.
 */
export function restatesInstruction(sentence: string, supplied: readonly Evidence[]): boolean {
  const instructions = supplied.flatMap((evidence) => evidence.instructions);
  if (instructions.length === 0) return false;
  const units = contentUnits(sentence);
  if (units.length === 0) return false;
  const stated = (unit: string) => supplied.some((evidence) => evidence.units.has(unit));
  for (const unit of units) {
    if (!stated(unit) && instructions.some((facts) => facts.units.has(unit))) return true;
  }
  const share = (facts: Facts) => units.filter((unit) => facts.units.has(unit)).length;
  const best = Math.max(...instructions.map(share));
  const places = supplied.flatMap((evidence) => evidence.places);
  const statedBest = Math.max(0, ...places.map(share));
  return best >= Math.ceil(units.length * 0.75) && best > statedBest;
}

/**
 * Sweeping words: a claim about every case. Chinese and Korean forms stand alone; Arabic "كل"
 * (each) is too common a word to count.
 */
const sweeping =
  /(?<![\p{L}\p{N}])(?:always|never|every|everything|all|any|regardless|unlimited|guaranteed|siempre|nunca|tod[oa]s?|cualquier|toujours|jamais|tou[ts]|toutes|n'importe|immer|nie|niemals|alle[ns]?|jede[rsn]?|beliebig|всегда|никогда|все|всех|любо\p{L}+|دائما|دائمًا|أبدا|جميع|luôn luôn|luôn|không bao giờ|tất cả|mọi|palagi|lagi|lahat|kailanman|anumang)(?![\p{L}\p{N}])|总是|始终|永远|所有|一律|任何|無論|无论|항상|절대|모든|언제나|무조건/iu;

/** Numbers that are not part of a code ("2 or more days", "4 weeks", "99 units"). */
function numbersIn(text: string): Set<string> {
  const numbers = new Set<string>();
  for (const match of text.matchAll(
    /(?<![\p{L}\p{N}.-])\d+(?:[.,]\d+)?(?![\p{L}\p{N}-]|[.,]\d)/gu,
  )) {
    const digits = match[0];
    // Five digits are a procedure code, checked as one.
    if (!/^\d{5}$/.test(digits)) numbers.add(digits.replace(',', '.'));
  }
  return numbers;
}

/** The sentence's content units, repeats removed (a repeated word is one claim). */
export function contentUnits(text: string): string[] {
  const normalized = normalize(text);
  const units = new Set<string>();
  for (const w of words(normalized)) {
    if (!stopWordSet.has(w) && !/^\p{L}$/u.test(w)) units.add(stem(w));
  }
  for (const unit of cjkUnits(normalized)) units.add(unit);
  return [...units];
}

function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(arabicMarks, '');
}

/** Words outside Han/kana/Hangul runs, Arabic words in a light normal form. */
function words(normalized: string): string[] {
  const rest = normalized.replace(cjkRun, ' ');
  return (rest.match(word) ?? []).map(arabicLight);
}

/** Alef forms, ta marbuta and alef maqsura unified; the article "ال" and its w/b/f/k/l- forms cut. */
function arabicLight(w: string): string {
  if (!/[\u0600-\u06ff]/.test(w)) return w;
  const letters = w.replace(/[أإآ]/g, 'ا').replace(/ة/g, 'ه').replace(/ى/g, 'ي');
  const cut = /^(?:[وبفك]?ال|لل)(?=.{3,})/u.exec(letters);
  return cut ? letters.slice(cut[0].length) : letters;
}

function stem(w: string): string {
  // Numbers and Arabic words are compared whole; Arabic inflects at the front as well.
  if (/\p{N}/u.test(w) || /[\u0600-\u06ff]/.test(w)) return w;
  // A Latin plural "s" goes first, so that "codes" meets "code" and "needs" meets "need".
  const singular = /^\p{Script=Latin}{3,}s$/u.test(w) ? w.slice(0, -1) : w;
  const chars = [...singular];
  return chars.length > stemLength ? chars.slice(0, stemLength).join('') : singular;
}

/** Bigrams of each Han/kana/Hangul run (the character itself for a run of one). */
function cjkUnits(normalized: string): string[] {
  const units: string[] = [];
  for (const match of normalized.matchAll(cjkRun)) {
    const chars = [...match[0]];
    if (chars.length === 1) {
      if (!stopCharacters.has(chars[0] ?? '')) units.push(chars[0] ?? '');
      continue;
    }
    for (let i = 0; i + 1 < chars.length; i++) {
      const a = chars[i] ?? '';
      const b = chars[i + 1] ?? '';
      if (!(stopCharacters.has(a) && stopCharacters.has(b))) units.push(a + b);
    }
  }
  return units;
}

const stopWordSet: ReadonlySet<string> = new Set(stopWords.map((w) => arabicLight(normalize(w))));

/**
 * Codes named in a text, as comparable keys: "62264", "J1040", "M5416" (ICD without its dot, so
 * "M54.16" and "M5416" meet), "modifier:59". Detected on the text as written and with ASCII
 * letters upper-cased, so that "j1040" or "modifier xs" in a reply are checked as well.
 */
function codeKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const variant of [text, asciiUpper(text)]) {
    for (const mention of detectCodeMentions(variant, expandNumericRange)) {
      keys.add(
        mention.system === 'modifier' ? `modifier:${mention.code}` : mention.code.replace('.', ''),
      );
    }
  }
  return keys;
}

/**
 * Ranges ("62321-62327", "J1040-J1050") stand for every code in them, so that a sentence about
 * 62323 finds a passage that gives the range, and a sentence giving a range needs a passage
 * that covers all of it. Long or non-numeric ranges keep only their endpoints.
 */
const expandNumericRange: RangeExpander = (_system, from, to) => {
  const a = /^([A-Z]?)(\d+)([A-Z]?)$/.exec(from);
  const b = /^([A-Z]?)(\d+)([A-Z]?)$/.exec(to);
  if (!a || !b || a[1] !== b[1] || a[3] !== b[3] || a[2]?.length !== b[2]?.length) return [];
  const start = Number(a[2]);
  const end = Number(b[2]);
  if (!(end > start) || end - start > 200) return [];
  const width = a[2]?.length ?? 0;
  const codes: string[] = [];
  for (let n = start; n <= end; n++) codes.push(`${a[1]}${String(n).padStart(width, '0')}${a[3]}`);
  return codes;
};

function hasCode(evidence: Facts, key: string): boolean {
  if (evidence.codes.has(key)) return true;
  // A passage may write a code where detection stands back ("62264 units", a table cell):
  // the literal code, word-bounded, counts. A numeric modifier ("59") needs its context.
  if (key.startsWith('modifier:')) {
    const modifier = key.slice('modifier:'.length);
    return /[A-Z]/.test(modifier) && literal(modifier).test(evidence.upper);
  }
  const icd = /^([A-Z]\d[0-9AB])([0-9A-Z]{1,4})$/.exec(key);
  const pattern = icd ? `${icd[1]}\\.?${icd[2]}` : key;
  return literal(pattern).test(evidence.upper);
}

function literal(pattern: string): RegExp {
  return new RegExp(`(?<![A-Z0-9])${pattern}(?![A-Z0-9])`);
}

function asciiUpper(text: string): string {
  return text.replace(/[a-z]+/g, (s) => s.toUpperCase());
}
