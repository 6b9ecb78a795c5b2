import { questionTerms, sameStem } from './question-terms.ts';

/**
 * Column-aware matching of a question against table rows: each of the question's words is
 * tested against one column (a locality name, a state, a contractor), never against the row's
 * text as a whole, so a row is never matched by a word that belongs to another column.
 */

export interface LocalityColumns {
  state: string;
  locality_name: string;
}

const words = (text: string) => questionTerms(text.replace(/\*/g, ' ')).words;
const wordMatches = (a: string, b: string) => a === b || sameStem(a, b);

/**
 * The localities a question names. A state code written in capitals ("NY") keeps that state's
 * rows; among them (or all rows) the rows whose locality name shares the most words with the
 * question win, ties kept ("San Francisco" names both San Francisco–Oakland–Berkeley rows). A
 * state named without a locality gives all of its rows. `partial`: the best names have words
 * the question lacks ("Texas" found REST OF TEXAS), so the state's other localities matter.
 */
export function matchLocalities<R extends LocalityColumns>(
  question: string,
  rows: readonly R[],
): { rows: R[]; partial: boolean } {
  const states = new Set(rows.map((r) => r.state));
  const statesNamed = new Set(
    (question.match(/(?<![\p{L}\p{N}])[A-Z]{2}(?![\p{L}\p{N}])/gu) ?? []).filter((s) =>
      states.has(s),
    ),
  );
  const pool = statesNamed.size > 0 ? rows.filter((r) => statesNamed.has(r.state)) : rows;
  const asked = words(question);
  let best = 0;
  let bestCoverage = 0;
  let winners: R[] = [];
  for (const row of pool) {
    const name = words(row.locality_name);
    const matched = name.filter((n) => asked.some((a) => wordMatches(a, n))).length;
    if (matched === 0) continue;
    const coverage = matched / name.length;
    if (matched > best || (matched === best && coverage > bestCoverage)) {
      best = matched;
      bestCoverage = coverage;
      winners = [row];
    } else if (matched === best && coverage === bestCoverage) {
      winners.push(row);
    }
  }
  if (winners.length > 0) return { rows: winners, partial: bestCoverage < 1 };
  return { rows: statesNamed.size > 0 ? [...pool] : [], partial: false };
}

/** Words of company names that do not tell one contractor from another. */
const genericNameWords = new Set(
  `llc inc co corp corporation company ltd solutions solution services service healthcare health
  administrators administrator insurance options government national first the of and group
  contractor contractors`.split(/\s+/),
);
const legalSuffixes = new Set(['llc', 'inc', 'co', 'corp', 'corporation', 'company', 'ltd']);

/**
 * The contractors a question names, by a word only their name has ("Noridian", "Palmetto",
 * "Coast") or the initials of the name ("NGS" for National Government Services).
 */
export function contractorsNamed(
  question: string,
  contractors: readonly string[],
): { names: string[]; words: string[] } {
  const asked =
    question
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.filter((w) => w.length >= 3) ?? [];
  const tokens = contractors.map((name) => name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  // A word counts for a company when no other company's name has it.
  const companies = new Map<string, Set<string>>();
  tokens.forEach((t) => {
    for (const word of t) {
      const company = companies.get(word) ?? new Set<string>();
      company.add(t.filter((w) => !legalSuffixes.has(w)).join(' '));
      companies.set(word, company);
    }
  });
  const names: string[] = [];
  const used = new Set<string>();
  contractors.forEach((name, i) => {
    const own = tokens[i] ?? [];
    const keys = own.filter((w) => !genericNameWords.has(w) && companies.get(w)?.size === 1);
    const initials = own
      .filter((w) => !legalSuffixes.has(w))
      .map((w) => w[0])
      .join('');
    if (initials.length >= 3) keys.push(initials);
    const hit = asked.filter((w) => keys.includes(w));
    if (hit.length === 0) return;
    names.push(name);
    for (const w of hit) used.add(w);
  });
  return { names, words: [...used] };
}
