import { medicareFee } from '../../fees/medicare-fee.service.ts';
import type { Answer } from '../ask-types.ts';
import type { AnswerInput } from './answer-input.ts';
import { answerNotFound } from './not-found.answer.ts';

/** The modifiers the RVU file has rows of its own for: professional, technical, discontinued. */
const rowModifiers = new Set(['26', 'TC', '53']);

/**
 * "Fee for 64483 in Manhattan": the Medicare physician fee of the question's first code, in the
 * locality the question names, both settings with their formula, the RVU and GPCI rows cited.
 * A status the fee schedule does not price is an answer ("not priced", never $0.00); what the
 * library lacks (a file, the code's row, the locality) is a refusal saying so, recorded as a gap.
 */
export async function answerFee(input: AnswerInput): Promise<Answer> {
  const code = input.procedures[0];
  if (code === undefined) return answerNotFound(input);
  const fee = await medicareFee(input.ctx, {
    code,
    modifier: input.question.modifiers.find((m) => rowModifiers.has(m)) ?? null,
    date: input.dos,
    locality: input.question.text,
    mode: 'question',
    lang: input.lang,
  });
  const citations = [fee.citations.rvu, fee.citations.gpci].filter((c) => c !== null);
  if (fee.outcome === 'priced' || fee.outcome === 'not-priced') {
    return { kind: 'fee', text: fee.text, codes: [code], citations, confidence: 1, fee };
  }
  const notFound = await answerNotFound(input);
  const lacks = fee.outcome === 'no-gpci-table' ? 'gpci' : 'mpfs-rvu';
  return {
    ...notFound,
    text: `${fee.text}\n${notFound.text}`,
    citations,
    fee,
    ...(fee.outcome.startsWith('locality') ? {} : { lacks }),
  };
}
