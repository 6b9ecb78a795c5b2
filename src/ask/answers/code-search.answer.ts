import { dosesIn } from '../../codes/code-ranking.ts';
import { findCodesByDescription, type DescribedCode } from '../../codes/code-search.ts';
import { t } from '../../i18n/translate.ts';
import type { Answer, CodeHit } from '../ask-types.ts';
import { codeQuestionWords, systemAsked } from '../fact-intent.ts';
import { questionTerms } from '../question-terms.ts';
import { hasCodeTable } from '../table-facts.repository.ts';
import type { AnswerInput } from './answer-input.ts';
import { answerNotFound } from './not-found.answer.ts';
import type { Fallback } from './table-rows.answer.ts';
import { rowCitation } from '../../library/citations.ts';

const MAX_CODES = 5;
/** Unit words are part of a dose, not of what the code is for. */
const unitWords =
  /^(?:mg|mcg|ug|µg|g|gm|ml|cc|iu|units?|meq|mmol|mci|milligrams?|micrograms?|grams?|per)$/iu;

/**
 * "What code for vertebrogenic low back pain?", "HCPCS code for triamcinolone 10 mg": the codes
 * whose descriptors in force on the date best carry the question's words and dose, in the system
 * the question names, each cited to its descriptor row. When no descriptor has every word the
 * answer says which words none has and lists the closest; a dose no descriptor states is said
 * too. No table for the system, or no code at all, is a refusal recorded as a gap.
 */
export async function answerCodeSearch(input: AnswerInput, fallback: Fallback): Promise<Answer> {
  const { ctx, lang, dos } = input;
  const text = input.question.text;
  const system = systemAsked(text);
  const words = questionTerms(text).words.filter(
    (w) => !codeQuestionWords.has(w) && !unitWords.test(w),
  );
  const doses = dosesIn(text);
  if (words.length === 0) return (await fallback()) ?? answerNotFound(input);
  if (!(await hasCodeTable(ctx.db, ctx.orgId, system, dos))) {
    const notFound = await answerNotFound(input);
    const lacks = t(lang, 'facts.lacksCodeTable', { system: system ?? 'any', date: dos });
    return { ...notFound, text: `${lacks}\n${notFound.text}`, lacks: 'code-table' };
  }
  const found = await findCodesByDescription(ctx, {
    words,
    doses,
    system,
    dos,
    limit: MAX_CODES * 4,
  });
  // A dose the question names: descriptors stating another amount go last or away.
  const fitting = found.filter((hit) => hit.dose !== 'different');
  const hits = (fitting.length > 0 ? fitting : found).slice(0, MAX_CODES);
  const best = hits[0];
  if (best === undefined || best.matched.length === 0) {
    const passages = await fallback();
    if (passages) return passages;
    const notFound = await answerNotFound(input);
    const none = t(lang, 'facts.codeSearchNone', {
      system: system ?? 'any',
      text: words.join(' '),
      date: dos,
    });
    return { ...notFound, text: `${none}\n${notFound.text}` };
  }
  const lines = [
    t(lang, 'facts.codeSearch', { system: system ?? 'any', text: words.join(' '), date: dos }),
  ];
  if (best.missing.length > 0)
    lines.push(t(lang, 'facts.codeSearchMissing', { text: best.missing.join(' ') }));
  if (doses.length > 0 && fitting.length === 0)
    lines.push(t(lang, 'facts.codeSearchDose', { value: doses.map((d) => d.text).join(', ') }));
  for (const hit of hits) {
    const heading = hit.billable === false ? ` ${t(lang, 'facts.notBillable')}` : '';
    lines.push(`- ${hit.code} (${systemLabel(hit.system)}): ${hit.description}${heading}`);
  }
  return {
    kind: 'code-search',
    text: lines.join('\n'),
    codes: hits.map((h) => h.code),
    citations: hits.map((h) => rowCitation(h.source)),
    confidence:
      best.missing.length === 0
        ? 1
        : best.matched.length / (best.matched.length + best.missing.length),
    codeHits: hits.map(codeHit),
  };
}

function codeHit(hit: DescribedCode): CodeHit {
  return {
    system: hit.system,
    code: hit.code,
    description: hit.description,
    billable: hit.billable,
    matched: hit.matched,
    missing: hit.missing,
    dose: hit.dose,
    citation: rowCitation(hit.source),
  };
}

/** System names are program names, the same in every language. */
function systemLabel(system: string): string {
  return system === 'icd10cm' ? 'ICD-10-CM' : system.toUpperCase();
}
