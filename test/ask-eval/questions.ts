import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { CoverageVerdict, PairVerdict } from '../../src/ask/ask-types.ts';
import type { AnswerKind } from '../../src/domain/answer-kind.ts';
import { localeCodes, type LocaleCode } from '../../src/domain/locale.ts';
import type { Setting } from '../../src/domain/setting.ts';

/** What a correct answer to one evaluation question looks like. */
export interface Expectation {
  kind: AnswerKind;
  verdict?: PairVerdict | CoverageVerdict;
  /** Every one must be among the answer's codes. */
  codes?: string[];
  /** Every one must appear in the answer's text (see `textContainsFact` for how). */
  facts?: string[];
  /** A question outside the library: the right answer is the refusal, kind "not-found". */
  refuse?: boolean;
}

export interface EvalQuestion {
  id: string;
  /** The language the question is asked in (also sent as the answer language). */
  lang: LocaleCode;
  question: string;
  dos?: string;
  setting?: Setting;
  /** Follow-ups of one thread share the id and are asked in turn order. */
  thread?: { id: string; turn: number };
  expect: Expectation;
  /** Where the expectation was verified: the file row or the document sentence. */
  source?: string;
  /** Why the expectation is not the obvious one (a date or setting that changes the verdict). */
  note?: string;
}

const kinds = [
  'card',
  'pair',
  'units',
  'documentation',
  'coverage',
  'modifier',
  'passages',
  'not-found',
] as const satisfies readonly AnswerKind[];
const verdicts = [
  'allowed',
  'modifier-required',
  'not-allowed',
  'no-edit-found',
  'covered',
  'not-covered',
  'no-policy-found',
] as const satisfies readonly (PairVerdict | CoverageVerdict)[];

const questionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    lang: z.enum(localeCodes),
    question: z.string().trim().min(1),
    dos: z.iso.date().optional(),
    setting: z.enum(['practitioner', 'hospital', 'dme']).optional(),
    thread: z.object({ id: z.string().min(1), turn: z.int().positive() }).optional(),
    expect: z
      .object({
        kind: z.enum(kinds),
        verdict: z.enum(verdicts).optional(),
        codes: z.array(z.string().min(1)).optional(),
        facts: z.array(z.string().trim().min(1)).optional(),
        refuse: z.boolean().optional(),
      })
      .strict(),
    source: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();

export const questionsFile = join(import.meta.dirname, 'questions.json');

/**
 * The evaluation set, checked so that a typo in the JSON fails loudly instead of quietly
 * scoring a question against the wrong expectation.
 */
export function loadQuestions(file = questionsFile): EvalQuestion[] {
  const questions: EvalQuestion[] = z
    .array(questionSchema)
    .parse(JSON.parse(readFileSync(file, 'utf8')));
  const problems = consistencyProblems(questions);
  if (problems.length > 0) throw new Error(`${file}:\n${problems.join('\n')}`);
  return questions;
}

/** Rules the schema cannot state: unique ids, refusals, verdicts per kind, thread order. */
export function consistencyProblems(questions: readonly EvalQuestion[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const lastTurn = new Map<string, number>();
  for (const q of questions) {
    if (seen.has(q.id)) problems.push(`${q.id}: duplicate id`);
    seen.add(q.id);
    const { kind, verdict, refuse } = q.expect;
    if ((kind === 'not-found') !== (refuse === true)) {
      problems.push(`${q.id}: kind "not-found" and refuse: true go together`);
    }
    if (kind === 'pair' && !isPairVerdict(verdict))
      problems.push(`${q.id}: a pair needs a verdict`);
    if (kind === 'coverage' && !isCoverageVerdict(verdict)) {
      problems.push(`${q.id}: coverage needs a verdict`);
    }
    if (kind !== 'pair' && kind !== 'coverage' && verdict !== undefined) {
      problems.push(`${q.id}: only pair and coverage answers carry a verdict`);
    }
    if (q.thread) {
      // Turns are asked in file order, so a thread must be written in turn order.
      const previous = lastTurn.get(q.thread.id) ?? 0;
      if (q.thread.turn !== previous + 1) {
        problems.push(
          `${q.id}: thread ${q.thread.id} turn ${q.thread.turn} follows turn ${previous}`,
        );
      }
      lastTurn.set(q.thread.id, q.thread.turn);
    }
  }
  return problems;
}

export function isRefusalQuestion(q: EvalQuestion): boolean {
  return q.expect.refuse === true || q.expect.kind === 'not-found';
}

const isPairVerdict = (v: string | undefined) =>
  v === 'allowed' || v === 'modifier-required' || v === 'not-allowed' || v === 'no-edit-found';
const isCoverageVerdict = (v: string | undefined) =>
  v === 'covered' || v === 'not-covered' || v === 'no-policy-found';
