import type { FeeLocality } from '../contracts/fees.ts';

/**
 * Which Medicare locality the user's words name, read against the GPCI file's own rows (no list
 * of places is kept in code). In order: a MAC and locality number ("13202 01"), a state and
 * locality number ("NY 01"), a locality's whole name ("Manhattan", "rest of California"; the
 * longest name written wins), the names sharing the most words ("San Francisco" → its two
 * localities: ambiguous),
 * a state code alone ("AL": its one locality, or its several). A word matching only part of a
 * state's remainder ("California" → REST OF CALIFORNIA) is ambiguous with the state's localities:
 * the user may mean any of them; a word naming part of one other name is that locality.
 */
export type LocalityMatch<R> =
  { kind: 'found'; row: R } | { kind: 'ambiguous'; candidates: R[] } | { kind: 'unknown' };

/** `text`: a locality argument (the whole text names it) or a question (the place is in it). */
export function matchLocality<R extends FeeLocality>(
  text: string,
  rows: readonly R[],
  mode: 'argument' | 'question' = 'argument',
): LocalityMatch<R> {
  const tokens = tokensOf(text);
  const byNumber = rows.filter((r) => numberedIn(tokens, r));
  if (byNumber.length > 0) return resolved(byNumber);

  const named = rows
    .map((row) => ({ row, name: nameTokens(row.localityName) }))
    .filter(({ name }) => name.length > 0 && containsRun(tokens, name));
  if (named.length > 0) {
    const longest = Math.max(...named.map((n) => n.name.length));
    return resolved(named.filter((n) => n.name.length === longest).map((n) => n.row));
  }

  const significant = tokens.filter((t) => t.length >= 3 && !genericWords.has(t));
  const partial = mostShared(rows, significant);
  if (partial.length === 1) {
    const [only] = partial as [R];
    // The file names a state's remainder "REST OF <STATE>": the state's name alone matches it,
    // but may mean any of the state's localities.
    const sameState = rows.filter((r) => r.state === only.state);
    const remainder = nameTokens(only.localityName)[0] === 'REST';
    return remainder && sameState.length > 1 ? ambiguous(sameState) : resolved(partial);
  }
  if (partial.length > 1) return ambiguous(partial);

  const states = statesIn(text, rows, mode);
  const ofStates = rows.filter((r) => states.has(r.state));
  return ofStates.length > 0 ? resolved(ofStates) : { kind: 'unknown' };
}

/** The rows whose names share the most distinctive words with the text (none shared: none). */
function mostShared<R extends FeeLocality>(rows: readonly R[], words: readonly string[]): R[] {
  let best = 0;
  let winners: R[] = [];
  for (const row of rows) {
    const name = new Set(nameTokens(row.localityName).filter((w) => !genericWords.has(w)));
    const shared = words.filter((w) => name.has(w)).length;
    if (shared === 0 || shared < best) continue;
    if (shared > best) winners = [];
    best = shared;
    winners.push(row);
  }
  return winners;
}

function resolved<R>(rows: readonly R[]): LocalityMatch<R> {
  const unique = [...new Set(rows)];
  return unique.length === 1 ? { kind: 'found', row: unique[0]! } : ambiguous(unique);
}

function ambiguous<R>(rows: readonly R[]): LocalityMatch<R> {
  return { kind: 'ambiguous', candidates: [...new Set(rows)] };
}

/** Words that do not tell one locality name from another. */
const genericWords = new Set(['REST', 'OF', 'THE', 'AND', 'CITY', 'CNTY', 'COUNTY', 'COUNTIES']);

/** Upper-cased words and numbers; a name's footnote asterisks and punctuation drop out. */
function tokensOf(text: string): string[] {
  return text.toUpperCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function nameTokens(name: string): string[] {
  return tokensOf(name);
}

/** Whether `run` appears in `tokens` as consecutive words. */
function containsRun(tokens: readonly string[], run: readonly string[]): boolean {
  for (let start = 0; start + run.length <= tokens.length; start++) {
    if (run.every((word, i) => tokens[start + i] === word)) return true;
  }
  return false;
}

/** "13202 01", "13202-01", "NY 01", "NY-01": the row's MAC or state, then its number. */
function numberedIn(tokens: readonly string[], row: FeeLocality): boolean {
  if (row.localityNumber === '') return false;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [first, second] = [tokens[i], tokens[i + 1]];
    if (second !== row.localityNumber) continue;
    if (first === row.mac || first === row.state) return true;
  }
  return false;
}

/**
 * State codes the text names. A locality argument may be any case ("ny"); in a question only a
 * code in capitals counts ("in AL"), so "in" or "me" are never read as Indiana or Maine.
 */
function statesIn(text: string, rows: readonly FeeLocality[], mode: 'argument' | 'question') {
  const known = new Set(rows.map((r) => r.state));
  const source = mode === 'argument' ? text.toUpperCase() : text;
  const codes = source.match(/(?<![\p{L}\p{N}])[A-Z]{2}(?![\p{L}\p{N}])/gu) ?? [];
  return new Set(codes.filter((code) => known.has(code)));
}
