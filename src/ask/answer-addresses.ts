import type { Answer } from './ask-types.ts';
import type { Intent } from './intent.ts';

/**
 * Whether the answer answers what was asked, for Performance: not a refusal, not "the library
 * cannot tell", and of the kind the question asked for (a card returned for a pair, units,
 * coverage or billability question is not an answer to it). An open question or a bare code
 * takes any kind of answer.
 */
export function addressesQuestion(
  answer: Pick<Answer, 'kind' | 'verdict'>,
  asked: Intent | null,
): boolean {
  if (answer.kind === 'not-found' || answer.verdict === 'cannot-tell') return false;
  return asked === null || asked === answer.kind;
}
