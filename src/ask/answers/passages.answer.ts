import { t } from '../../i18n/translate.ts';
import type { Answer } from '../ask-types.ts';
import { bestSentences } from '../best-sentences.ts';
import { searchPassages } from '../passage-search.repository.ts';
import { questionTerms } from '../question-terms.ts';
import type { AnswerInput } from './answer-input.ts';

/** Below this share of the question's content words in the best sentence, the library is silent. */
export const MIN_SUPPORT = 0.5;
const MAX_SENTENCES = 3;

/**
 * An open question answered with the library's best supporting sentences, each cited with its
 * quote; null when the evidence is weak (the caller refuses and records a gap).
 */
export async function answerPassages(input: AnswerInput): Promise<Answer | null> {
  const terms = questionTerms(input.question.text);
  const codes = [...input.procedures, ...input.question.diagnoses, ...input.question.modifiers];
  const hits = await searchPassages(input.ctx, terms, {
    dos: input.dos,
    setting: input.setting,
    codes,
  });
  const sentences = bestSentences(hits, terms, codes, MAX_SENTENCES, input.question.text);
  const best = sentences[0];
  if (!best || best.score < MIN_SUPPORT) return null;
  const kept = sentences.filter((s) => s.score >= MIN_SUPPORT);
  return {
    kind: 'passages',
    text: [t(input.lang, 'ask.passages'), ...kept.map((s) => s.text)].join('\n'),
    codes,
    citations: kept.map((s) => s.citation),
    confidence: Math.min(1, best.score),
  };
}
