import { instructionFlags } from '../domain/instruction-like.ts';
import { splitSentences } from '../library/text/sentence-splitter.ts';
import type { PassageHit } from './passage-search.repository.ts';
import { normalizeToken, sameStem, type QuestionTerms } from './question-terms.ts';
import { wordPattern } from './word-pattern.ts';
import type { Citation } from '../domain/citation.ts';
import { passageCitation } from '../library/citations.ts';

export interface ScoredSentence {
  text: string;
  /** Weighted share of the question's content terms the sentence covers (0..1). */
  score: number;
  citation: Citation;
  passageId: number;
}

const MAX_SENTENCE_LENGTH = 1_200;
/** Chinese and Korean questions need at least this many of their bigrams in a sentence. */
const MIN_BIGRAMS = 2;
/** …and the library must have this share of the question's bigrams somewhere. */
const MIN_BIGRAM_SHARE = 0.4;
const DURATION_BONUS = 0.3;
const durationQuestion = wordPattern(
  'how long|cu[aá]nto (?:tiempo|dura)|combien de temps|dur[ée]e|wie lange|bao lâu|gaano katagal|сколько времени|как долго',
  '多长时间|多久|얼마나 걸|كم تستغرق|كم من الوقت|مدة',
);
const duration = wordPattern(
  '\\d+\\s*(?:to|-|–|a|à|bis|à|đến)?\\s*\\d*\\s*(?:minutes?|hours?|minutos?|horas?|heures?|Minuten|Stunden|phút|giờ|minuto|oras|минут\\p{L}*|час\\p{L}*)',
  '\\d+\\s*(?:到|至|-)?\\s*\\d*\\s*(?:分钟|小时|분|시간)|دقيقة|دقائق|ساعة',
);

interface Candidate {
  text: string;
  lower: string;
  words: string[];
  passage: PassageHit;
  start: number;
  end: number;
}

/**
 * The sentences that best answer the question: each sentence of the hit passages is scored by
 * the share of the question's content words (same stem) or CJK bigrams it contains. When the
 * question names codes or modifiers, a sentence must name one of them. Instruction-like
 * sentences (domain/instruction-like.ts) are never candidates.
 */
export function bestSentences(
  hits: readonly PassageHit[],
  terms: QuestionTerms,
  codes: readonly string[],
  limit: number,
  question = '',
): ScoredSentence[] {
  const candidates: Candidate[] = [];
  for (const passage of hits) {
    const sentences = splitSentences(passage.text);
    // A planted instruction is never quoted as an answer, whatever words it shares.
    const planted = instructionFlags(sentences.map((s) => s.text));
    for (const [at, sentence] of sentences.entries()) {
      if (sentence.text.length > MAX_SENTENCE_LENGTH || planted[at]) continue;
      if (codes.length > 0 && !codes.some((code) => namesCode(sentence.text, code))) continue;
      // The passage's headings are matched too (not quoted): they say what a section answers.
      const lower = `${passage.heading_path.join(' ')} ${sentence.text}`.toLowerCase();
      candidates.push({
        text: sentence.text,
        lower,
        words: (lower.match(/[\p{L}\p{N}]+/gu) ?? []).map(normalizeToken),
        passage,
        start: sentence.start,
        end: sentence.end,
      });
    }
  }
  // Words no candidate has count twice: they are what the question is about and the library
  // lacks ("Whipple"). Bigrams no candidate has are glue between words and do not count, but a
  // question whose bigrams the library mostly lacks is not one it covers.
  const words = terms.words.map((word) => {
    const has = (c: Candidate) => c.words.some((w) => sameStem(w, word));
    return { has, weight: candidates.some(has) ? 1 : 2 };
  });
  const bigrams = terms.bigrams
    .map((bigram) => ({ has: (c: Candidate) => c.lower.includes(bigram) }))
    .filter((b) => candidates.some(b.has))
    .map((b) => ({ ...b, weight: 1 }));
  if (terms.bigrams.length > 0 && bigrams.length / terms.bigrams.length < MIN_BIGRAM_SHARE)
    return [];
  const asksDuration = durationQuestion.test(question);
  const total = [...words, ...bigrams].reduce((sum, t) => sum + t.weight, 0);

  const scored: ScoredSentence[] = [];
  for (const candidate of candidates) {
    let covered = 0;
    let bigramHits = 0;
    for (const word of words) if (word.has(candidate)) covered += 1;
    for (const bigram of bigrams)
      if (bigram.has(candidate)) {
        covered += bigram.weight;
        bigramHits++;
      }
    if (bigrams.length > 0 && terms.words.length === 0 && bigramHits < MIN_BIGRAMS) continue;
    // A question of codes alone ("what about 62264?") is answered by the sentences naming them.
    const share = total > 0 ? covered / total : codes.length > 0 ? 1 : 0;
    // "How long does it take?" is answered by a sentence that states a duration.
    const score =
      share > 0 && asksDuration && duration.test(candidate.text) ? share + DURATION_BONUS : share;
    if (score <= 0) continue;
    scored.push({
      text: candidate.text,
      score,
      citation: passageCitation(candidate.passage, candidate.start, candidate.end),
      passageId: candidate.passage.passage_id,
    });
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

/** The code as a whole token ("25" in "modifier 25", not in "1250"). */
function namesCode(text: string, code: string): boolean {
  const at = text.toUpperCase().indexOf(code);
  if (at < 0) return false;
  const before = text[at - 1] ?? ' ';
  const after = text[at + code.length] ?? ' ';
  return !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
}
