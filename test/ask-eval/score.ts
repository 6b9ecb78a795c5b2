import type { Answer } from '../../src/ask/ask-types.ts';
import { isRefusalQuestion, type EvalQuestion } from './questions.ts';

/** The parts of an answer the scorer reads (citations are checked against the database). */
export type ScoredAnswer = Pick<Answer, 'kind' | 'verdict' | 'text' | 'codes'>;

export interface QuestionScore {
  /** Everything expected is there (for a refusal question: the answer is the refusal). */
  factsCorrect: boolean;
  /** Only for questions outside the library. */
  refusalCorrect?: boolean;
  problems: string[];
}

/** Scores one answer against its question's expectation; pure, so it is unit-tested alone. */
export function scoreAnswer(question: EvalQuestion, answer: ScoredAnswer): QuestionScore {
  const expected = question.expect;
  if (isRefusalQuestion(question)) {
    const refused = answer.kind === 'not-found';
    const problems = refused ? [] : [`expected a refusal (not-found), got a ${answer.kind} answer`];
    return { factsCorrect: refused, refusalCorrect: refused, problems };
  }
  const problems: string[] = [];
  if (answer.kind === 'not-found') {
    problems.push(`refused an in-library question (expected a ${expected.kind} answer)`);
  } else if (answer.kind !== expected.kind) {
    problems.push(`kind: expected ${expected.kind}, got ${answer.kind}`);
  }
  if (expected.verdict !== undefined && answer.verdict !== expected.verdict) {
    problems.push(`verdict: expected ${expected.verdict}, got ${answer.verdict ?? 'none'}`);
  }
  const have = new Set(answer.codes.map(codeKey));
  const missingCodes = (expected.codes ?? []).filter((code) => !have.has(codeKey(code)));
  if (missingCodes.length > 0) {
    problems.push(
      `codes: missing ${missingCodes.join(', ')} (answer has ${answer.codes.join(', ') || 'none'})`,
    );
  }
  for (const fact of expected.facts ?? []) {
    if (!textContainsFact(answer.text, fact)) problems.push(`facts: "${fact}" not in the text`);
  }
  return { factsCorrect: problems.length === 0, problems };
}

/** The score of a question whose answer never came (the pipeline threw). */
export function failedScore(question: EvalQuestion, problem: string): QuestionScore {
  return isRefusalQuestion(question)
    ? { factsCorrect: false, refusalCorrect: false, problems: [problem] }
    : { factsCorrect: false, problems: [problem] };
}

/** "m54.16", "M5416" and " M54.16" are one code. */
function codeKey(code: string): string {
  return code.replace(/[\s.]/g, '').toUpperCase();
}

/**
 * Whether an answer states a fact. Case and spacing do not matter, and Arabic-Indic digits
 * count as the digits they are. A fact that is one token with a digit or written in capitals
 * (an MUE value "4", a code "62264", a modifier "XS") must stand alone: "4" is not found
 * inside "64484" and "TC" not inside "etc". Other facts are phrases found anywhere.
 */
export function textContainsFact(text: string, fact: string): boolean {
  const haystack = normalizeText(text);
  const needle = normalizeText(fact);
  const token = /^[A-Za-z0-9.-]+$/.test(fact) && (/\d/.test(fact) || fact === fact.toUpperCase());
  if (!token) return haystack.includes(needle);
  // ASCII boundaries only: in Chinese or Korean a code sits right next to letters ("代码62264").
  const escaped = needle.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  return new RegExp(`(?<![a-z0-9])${escaped}(?![a-z0-9])`).test(haystack);
}

function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

export interface EvalResult {
  question: EvalQuestion;
  score: QuestionScore;
  latencyMs?: number;
}

export interface Tally {
  questions: number;
  correct: number;
}

export interface EvalSummary {
  questions: number;
  /** `correct` counts facts-correct answers. */
  inLibrary: Tally;
  /** `correct` counts refusals. */
  outOfLibrary: Tally;
  /** Shares from 0 to 1; NaN when there is no question of the sort (a set without any fails). */
  factsCorrectRate: number;
  refusalCorrectRate: number;
  /** Each question counted as correct by the measure that applies to it. */
  byLanguage: Record<string, Tally>;
  /** By the expected kind ("not-found" holds the refusal questions). */
  byKind: Record<string, Tally>;
  latencyMs: { p50: number; p95: number } | null;
  failures: { id: string; lang: string; question: string; problems: string[] }[];
}

export function summarize(results: readonly EvalResult[]): EvalSummary {
  const inLibrary: Tally = { questions: 0, correct: 0 };
  const outOfLibrary: Tally = { questions: 0, correct: 0 };
  const byLanguage: Record<string, Tally> = {};
  const byKind: Record<string, Tally> = {};
  const failures: EvalSummary['failures'] = [];
  for (const { question, score } of results) {
    const refusal = isRefusalQuestion(question);
    const correct = refusal ? score.refusalCorrect === true : score.factsCorrect;
    count(refusal ? outOfLibrary : inLibrary, correct);
    count((byLanguage[question.lang] ??= { questions: 0, correct: 0 }), correct);
    count((byKind[question.expect.kind] ??= { questions: 0, correct: 0 }), correct);
    if (!correct) {
      const { id, lang } = question;
      failures.push({ id, lang, question: question.question, problems: score.problems });
    }
  }
  const latencies = results.flatMap((r) => (r.latencyMs === undefined ? [] : [r.latencyMs]));
  return {
    questions: results.length,
    inLibrary,
    outOfLibrary,
    factsCorrectRate: share(inLibrary),
    refusalCorrectRate: share(outOfLibrary),
    byLanguage,
    byKind,
    latencyMs:
      latencies.length === 0
        ? null
        : { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
    failures,
  };
}

function count(tally: Tally, correct: boolean): void {
  tally.questions += 1;
  if (correct) tally.correct += 1;
}

export function share(tally: Tally): number {
  return tally.questions === 0 ? Number.NaN : tally.correct / tally.questions;
}

/** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}
