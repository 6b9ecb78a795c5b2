import { passageCitation } from '../cards/card-citations.ts';
import type { Citation } from '../cards/card-types.ts';
import { splitSentences } from '../cards/sentence-splitter.ts';
import type { PassageHit } from './passage-search.repository.ts';
import { sameStem, type QuestionTerms } from './question-terms.ts';

export interface ScoredSentence {
  text: string;
  /** Share of the question's content terms the sentence covers (0..1), plus code matches. */
  score: number;
  citation: Citation;
  passageId: number;
}

const MAX_SENTENCE_LENGTH = 600;

/**
 * The sentences that best answer the question: each sentence of the hit passages is scored by
 * the share of the question's content words (same stem) or CJK bigrams it contains, with a
 * bonus for naming a code the question names. Ties keep retrieval order.
 */
export function bestSentences(
  hits: readonly PassageHit[],
  terms: QuestionTerms,
  codes: readonly string[],
  limit: number,
): ScoredSentence[] {
  const wanted = terms.words.length + terms.bigrams.length;
  const scored: ScoredSentence[] = [];
  for (const passage of hits) {
    for (const sentence of splitSentences(passage.text)) {
      if (sentence.text.length > MAX_SENTENCE_LENGTH) continue;
      const lower = sentence.text.toLowerCase();
      const sentenceWords = lower.match(/[\p{L}\p{N}]+/gu) ?? [];
      let covered = 0;
      for (const word of terms.words) if (sentenceWords.some((w) => sameStem(w, word))) covered++;
      for (const bigram of terms.bigrams) if (lower.includes(bigram)) covered++;
      const namesCode = codes.some((code) => sentence.text.toUpperCase().includes(code));
      const share = wanted > 0 ? covered / wanted : 0;
      const score = share + (namesCode ? 0.5 : 0);
      if (score <= 0) continue;
      scored.push({
        text: sentence.text,
        score,
        citation: passageCitation(passage, sentence.start, sentence.end),
        passageId: passage.passage_id,
      });
    }
  }
  scored.sort((a, b) => b.score - a.score);
  const chosen: ScoredSentence[] = [];
  for (const sentence of scored) {
    if (chosen.some((c) => c.text === sentence.text)) continue;
    chosen.push(sentence);
    if (chosen.length === limit) break;
  }
  return chosen;
}
