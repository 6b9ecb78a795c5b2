/**
 * Ranks descriptor rows for a "which code for …" question: the descriptor must carry the
 * question's words (stems, not exact forms), state the asked dose when it states one, and be
 * billable where the table says so; among equals the descriptor with fewest other words wins.
 */

export interface Dose {
  value: number;
  unit: string;
  /** As written ("10 mg"). */
  text: string;
}

const unitNames: Record<string, string> = {
  mg: 'mg',
  milligram: 'mg',
  milligrams: 'mg',
  mcg: 'mcg',
  µg: 'mcg',
  ug: 'mcg',
  microgram: 'mcg',
  micrograms: 'mcg',
  g: 'g',
  gm: 'g',
  gram: 'g',
  grams: 'g',
  ml: 'ml',
  cc: 'ml',
  l: 'l',
  unit: 'unit',
  units: 'unit',
  iu: 'unit',
  meq: 'meq',
  mmol: 'mmol',
  mci: 'mci',
};
const doseText = new RegExp(
  `(\\d+(?:[.,]\\d+)?)\\s*(${Object.keys(unitNames)
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![\\p{L}])`,
  'giu',
);

/** Doses written in a text ("10 mg", "per 0.5 ml", "1,000 units"). */
export function dosesIn(text: string): Dose[] {
  const doses: Dose[] = [];
  for (const match of text.matchAll(doseText)) {
    const raw = match[1] ?? '';
    // "1,000" is a thousand; "0,5" (a decimal comma) is a half.
    const value = Number(/,\d{3}$/.test(raw) ? raw.replace(',', '') : raw.replace(',', '.'));
    const unit = unitNames[(match[2] ?? '').toLowerCase()];
    if (unit !== undefined && Number.isFinite(value)) doses.push({ value, unit, text: match[0] });
  }
  return doses;
}

export function doseAgreement(
  asked: readonly Dose[],
  descriptor: string,
): 'same' | 'different' | 'none' | null {
  if (asked.length === 0) return null;
  const stated = dosesIn(descriptor);
  if (stated.length === 0) return 'none';
  const same = asked.every((a) => stated.some((s) => s.unit === a.unit && s.value === a.value));
  return same ? 'same' : 'different';
}

const tokens = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Same word, a longer form of it ("injection" ~ "injections"), or a shared six-letter start. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.startsWith(short) && long.length - short.length <= 3) return true;
  return short.length >= 6 && a.slice(0, 6) === b.slice(0, 6);
}

export function wordsMatched(words: readonly string[], descriptor: string) {
  const own = tokens(descriptor);
  const matched = words.filter((w) => own.some((t) => sameWord(w, t)));
  return { matched, missing: words.filter((w) => !matched.includes(w)), length: own.length };
}

export interface RankInput {
  description: string;
  billable: boolean | null;
  score: number;
  code: string;
}

const doseOrder = { same: 0, none: 1, different: 2 } as const;
const billableOrder = (b: boolean | null) => (b === true ? 0 : b === null ? 1 : 2);

/** Sorts hits best first by dose, words matched, billability, brevity, search score, code. */
export type Ranked<T> = T & {
  matched: string[];
  missing: string[];
  dose: 'same' | 'different' | 'none' | null;
};

export function rankHits<T extends RankInput>(
  hits: readonly T[],
  words: readonly string[],
  doses: readonly Dose[],
): Ranked<T>[] {
  const scored = hits.map((hit) => {
    const match = wordsMatched(words, hit.description);
    const ranked: Ranked<T> = {
      ...hit,
      matched: match.matched,
      missing: match.missing,
      dose: doseAgreement(doses, hit.description),
    };
    return { ranked, coverage: match.matched.length / Math.max(1, match.length) };
  });
  scored.sort(
    ({ ranked: a, coverage: ac }, { ranked: b, coverage: bc }) =>
      (a.dose === null || b.dose === null ? 0 : doseOrder[a.dose] - doseOrder[b.dose]) ||
      b.matched.length - a.matched.length ||
      billableOrder(a.billable) - billableOrder(b.billable) ||
      bc - ac ||
      b.score - a.score ||
      a.code.localeCompare(b.code),
  );
  return scored.map((s) => s.ranked);
}
