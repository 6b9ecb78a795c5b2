import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { askQuestion } from '../src/ask/ask.service.ts';
import type { AskRequest } from '../src/ask/ask-types.ts';
import { type OpenDatabase } from '../src/db/database.ts';
import type { ImportOptions } from '../src/library/import-kind.ts';
import { importFile } from '../src/library/import.service.ts';
import { type LibraryContext } from '../src/library/library-context.ts';
import { CitationChecker } from './ask-eval/citations.ts';
import { loadQuestions } from './ask-eval/questions.ts';
import { formatReport } from './ask-eval/report.ts';
import { failedScore, scoreAnswer, summarize, type EvalResult } from './ask-eval/score.ts';
import { openTestLibrary } from './support/test-library.ts';

/** The real CMS/CDC files, read where they are (never copied into the project). */
const shared = resolve(import.meta.dirname, '../../shared/data');
const realFiles: [path: string, options: ImportOptions][] = [
  ['ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv', { setting: 'hospital' }],
  ['ncci-mue/MUE_OutpatientHospital_Eff_10-01-2026.spine_subset.csv', { setting: 'hospital' }],
  // Partial releases (excerpts): they supplement the starter's sample practitioner tables.
  ['ncci-ptp/ccipra-v322r0-f1.excerpt.txt', { setting: 'practitioner' }],
  ['ncci-mue/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv', { setting: 'practitioner' }],
  ['icd10cm/fy2026-excerpt/icd10cm_order_2026.excerpt.txt', {}],
  ['hcpcs-level2/2026-oct-excerpt/HCPC2026_OCT_ANWEB.excerpt.csv', {}],
];

/** Issue 5 §5: the floors below which the evaluation fails. */
const floors = { factsCorrect: 0.95, refusalsCorrect: 0.9 };

describe('ask evaluation over the starter library and the real CMS/CDC files (issue 5 §5)', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary('pglite', { starter: true }));
    for (const [path, options] of realFiles) {
      const full = join(shared, path);
      await importFile(ctx, { fileName: basename(full), bytes: readFileSync(full) }, options);
    }
  });
  afterAll(async () => {
    await opened.close();
  });

  test('facts, citations and refusals reach the floors', async () => {
    const questions = loadQuestions();
    const threadIds = new Map<string, string>();
    const citations = new CitationChecker(ctx.db, ctx.orgId);
    const results: EvalResult[] = [];
    // One at a time and in file order: follow-ups need their thread's earlier turns, and the
    // latencies should not measure questions queuing behind each other.
    for (const question of questions) {
      const threadId = question.thread ? threadIds.get(question.thread.id) : undefined;
      const request: AskRequest = {
        question: question.question,
        lang: question.lang,
        ...(question.dos !== undefined && { dos: question.dos }),
        ...(question.setting !== undefined && { setting: question.setting }),
        ...(threadId !== undefined && { threadId }),
      };
      const started = performance.now();
      try {
        const response = await askQuestion(ctx, request);
        const latencyMs = performance.now() - started;
        if (question.thread && !threadIds.has(question.thread.id)) {
          threadIds.set(question.thread.id, response.threadId);
        }
        await citations.check(question.id, response.answer.citations);
        results.push({ question, score: scoreAnswer(question, response.answer), latencyMs });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        results.push({ question, score: failedScore(question, `askQuestion threw: ${message}`) });
      }
    }

    const summary = summarize(results);
    console.log(formatReport(summary, citations));

    // Wall-clock latency is reported above, never asserted: it depends on the machine.
    expect(summary.factsCorrectRate).toBeGreaterThanOrEqual(floors.factsCorrect);
    expect(citations.checked).toBeGreaterThan(0);
    expect(citations.failures).toEqual([]);
    expect(summary.refusalCorrectRate).toBeGreaterThanOrEqual(floors.refusalsCorrect);
  });
});
