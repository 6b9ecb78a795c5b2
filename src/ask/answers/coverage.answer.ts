import { findCoverage } from '../../cards/card-facts.repository.ts';
import { t } from '../../i18n/translate.ts';
import { listed } from '../../rules/listed.ts';
import type { Answer, CoverageVerdict } from '../ask-types.ts';
import { scopeFor, type AnswerInput } from './answer-input.ts';
import { rowCitation } from '../../library/citations.ts';
import type { CoverageRow } from '../../cards/card-fact-rows.ts';

/**
 * Whether a diagnosis is covered for a procedure under the coverage lists in force: covered
 * when a list names it (or a category above it), not covered when lists exist without it, no
 * policy found when the library has no list for the code. Without a diagnosis, the lists.
 */
export async function answerCoverage(input: AnswerInput): Promise<Answer> {
  const { ctx, lang, dos } = input;
  const code = input.procedures[0]!;
  const diagnosis = input.question.diagnoses[0];
  const rows = await findCoverage(ctx.db, scopeFor(input, code));
  const codes = diagnosis ? [code, diagnosis] : [code];
  if (rows.length === 0) {
    return {
      kind: 'coverage',
      verdict: 'no-policy-found',
      text: t(lang, 'ask.coverageNoPolicy', { code, date: dos }),
      codes,
      citations: [],
      confidence: 0.6,
    };
  }
  const policies = listed([...new Set(rows.map((r) => r.policy_id))]);
  const examples = listed([...new Set(rows.map((r) => r.icd10_code))].sort());
  if (!diagnosis) {
    return {
      kind: 'coverage',
      text: t(lang, 'ask.coverageList', { code, policies, examples }),
      codes,
      citations: firstPerPolicy(rows).map(rowCitation),
      confidence: 1,
    };
  }
  const covering = rows.filter((r) => covers(r.icd10_code, diagnosis));
  const verdict: CoverageVerdict = covering.length > 0 ? 'covered' : 'not-covered';
  return {
    kind: 'coverage',
    verdict,
    text:
      verdict === 'covered'
        ? t(lang, 'ask.coverageCovered', {
            diagnosis,
            code,
            policies: listed([...new Set(covering.map((r) => r.policy_id))]),
          })
        : t(lang, 'ask.coverageNotCovered', { diagnosis, code, policies, examples }),
    codes,
    citations: (covering.length > 0 ? covering : firstPerPolicy(rows)).slice(0, 3).map(rowCitation),
    confidence: 1,
  };
}

/** A listed code covers the diagnosis itself and the codes below it ("M54.1" covers "M54.16"). */
function covers(listed: string, diagnosis: string): boolean {
  return diagnosis === listed || (diagnosis.startsWith(listed) && listed.length >= 3);
}

function firstPerPolicy(rows: CoverageRow[]): CoverageRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.policy_id) && seen.add(r.policy_id));
}
