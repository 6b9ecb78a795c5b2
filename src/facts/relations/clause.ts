import type { CodeSpan } from './code-lists.ts';

/** Where something sits in the sentence, as [start, end) offsets. */
export interface TextSpan {
  start: number;
  end: number;
}

/** A part of a sentence between semicolons, with the codes of the whole sentence. */
export interface Clause {
  sentence: string;
  spans: readonly CodeSpan[];
  start: number;
  end: number;
}

/** Clauses split at semicolons: "Imaging is included in X; do not report Y with X." */
export function clauses(sentence: string, start: number, end: number): [number, number][] {
  const result: [number, number][] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    if (sentence[i] === ';') {
      result.push([from, i]);
      from = i + 1;
    }
  }
  result.push([from, end]);
  return result;
}

/** Matches of `pattern` inside the clause, with offsets into the sentence. */
export function* matches(clause: Clause, pattern: RegExp): Generator<TextSpan> {
  const text = clause.sentence.slice(clause.start, clause.end);
  for (const match of text.matchAll(pattern)) {
    yield { start: clause.start + match.index, end: clause.start + match.index + match[0].length };
  }
}

/** The [start, end) a relation was read from: from its first side or cue to its last. */
export const span = (...sides: TextSpan[]): [number, number] => [
  Math.min(...sides.map((s) => s.start)),
  Math.max(...sides.map((s) => s.end)),
];
