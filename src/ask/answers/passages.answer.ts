import { t } from '../../i18n/translate.ts';
import type { Answer } from '../ask-types.ts';
import { bestSentences } from '../best-sentences.ts';
import { generateAnswer } from '../generative/generate-answer.ts';
import { searchPassages, type PassageHit } from '../passage-search.repository.ts';
import { questionTerms } from '../question-terms.ts';
import type { AnswerInput } from './answer-input.ts';
import type { Citation } from '../../domain/citation.ts';
import { passagePlace } from '../../library/citations.ts';
import type { GenerativeConfig } from '../../config/generative-config.ts';

/** Below this share of the question's content words in the best sentence, the library is silent. */
export const MIN_SUPPORT = 0.5;
const MAX_SENTENCES = 3;
/** Passages a model sees: those of the best sentences, then the next best hits. */
const MAX_MODEL_PASSAGES = 6;

/**
 * An open question answered with the library's best supporting sentences, each cited with its
 * quote; null when the evidence is weak (the caller refuses and records a gap). With a model
 * configured, the model rewrites the answer from the same passages; its sentences are kept
 * only when they cite a passage and are supported by it, otherwise the extractive answer stands.
 */
export async function answerPassages(
  input: AnswerInput,
  generative: GenerativeConfig | null = null,
): Promise<Answer | null> {
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
  const extractive: Answer = {
    kind: 'passages',
    text: [t(input.lang, 'ask.passages'), ...kept.map((s) => s.text)].join('\n'),
    codes,
    citations: kept.map((s) => s.citation),
    confidence: Math.min(1, best.score),
  };
  if (!generative) return extractive;
  const ordered = [
    ...kept.map((s) => hits.find((h) => h.passage_id === s.passageId)!),
    ...hits,
  ].filter((h, i, all) => all.findIndex((x) => x.passage_id === h.passage_id) === i);
  return (await generated(input, generative, ordered.slice(0, MAX_MODEL_PASSAGES))) ?? extractive;
}

async function generated(
  input: AnswerInput,
  config: GenerativeConfig,
  passages: PassageHit[],
): Promise<Answer | null> {
  const labelled = passages.map((p, i) => ({ id: `P${i + 1}`, passage: p }));
  let answer;
  try {
    answer = await generateAnswer(
      config,
      input.question.text,
      input.lang,
      labelled.map(({ id, passage }) => ({ id, text: passage.text, title: passage.title })),
    );
  } catch (error) {
    // The model is optional: an unreachable or failing endpoint leaves the extractive answer.
    console.warn(`codecard: the answer model failed, answering from passages: ${String(error)}`);
    return null;
  }
  if (!answer) return null;
  const cited = new Map<string, Citation>();
  for (const sentence of answer.sentences) {
    for (const id of sentence.passageIds) {
      const passage = labelled.find((l) => l.id === id)?.passage;
      if (passage && !cited.has(id)) cited.set(id, wholePassageCitation(passage));
    }
  }
  return {
    kind: 'passages',
    text: [t(input.lang, 'ask.passages'), ...answer.sentences.map((s) => s.text)].join('\n'),
    codes: [...input.procedures, ...input.question.diagnoses, ...input.question.modifiers],
    citations: [...cited.values()],
    confidence: answer.dropped === 0 ? 0.9 : 0.7,
    generatedBy: answer.model,
  };
}

/** A model's sentence rests on a whole passage: cited by its place and offsets, without a quote. */
function wholePassageCitation(passage: PassageHit): Citation {
  return {
    documentId: passage.document_id,
    title: passage.title,
    version: passage.release,
    locator: `${passagePlace(passage)}, characters ${passage.start_offset}-${passage.start_offset + passage.text.length}`,
  };
}
