import { NO_ANSWER } from './prompt.ts';
import { invisibleCharacters, sanitizeInline, sanitizePassageText } from './sanitize.ts';
import { splitCitedSentences } from './sentences.ts';
import {
  buildEvidence,
  checkSupport,
  restatesInstruction,
  type Evidence,
  type SupportFailure,
} from './support.ts';
import type { GeneratedSentence, RetrievedPassage } from './types.ts';

/**
 * The last gate between the model and the user: only sentences that cite passages we supplied,
 * and that those passages support, get through. Everything else is dropped, whatever the
 * model meant; a reply with nothing left is no answer at all (null), and the caller falls back
 * to the extractive answer.
 */

export type DropReason =
  'uncited' | 'unknown-passage' | 'no-answer-token' | 'restates-instruction' | SupportFailure;

export interface DroppedSentence {
  text: string;
  reason: DropReason;
}

export interface GuardedAnswer {
  sentences: GeneratedSentence[];
  dropped: DroppedSentence[];
}

export function guardAnswer(
  reply: string,
  passages: readonly RetrievedPassage[],
): GuardedAnswer | null {
  if (isNoAnswer(reply)) return null;
  // Evidence is what the model was shown (sanitized title and text), minus sentences that
  // address the model rather than the reader; those are kept apart, to recognize a reply that
  // repeats them.
  const evidence = new Map<string, Evidence>(
    passages.map((p) => [
      p.id,
      buildEvidence(sanitizePassageText(p.text), sanitizeInline(p.title)),
    ]),
  );
  const supplied = [...evidence.values()];
  const sentences: GeneratedSentence[] = [];
  const dropped: DroppedSentence[] = [];
  // The reply is shown to users: it gets no invisible characters either.
  for (const { text, ids } of splitCitedSentences(reply.replace(invisibleCharacters, ''))) {
    const reason = restatesInstruction(text, supplied)
      ? 'restates-instruction'
      : dropReason(text, ids, evidence);
    if (reason) dropped.push({ text, reason });
    else sentences.push({ text, passageIds: ids });
  }
  return sentences.length === 0 ? null : { sentences, dropped };
}

function dropReason(
  text: string,
  ids: readonly string[],
  evidence: ReadonlyMap<string, Evidence>,
): DropReason | null {
  if (text.includes(NO_ANSWER)) return 'no-answer-token';
  if (ids.length === 0) return 'uncited';
  const cited: Evidence[] = [];
  for (const id of ids) {
    const found = evidence.get(id);
    if (!found) return 'unknown-passage';
    cited.push(found);
  }
  return checkSupport(text, cited);
}

/** The reply opens with the token, perhaps dressed in quotes, backticks or emphasis. */
function isNoAnswer(reply: string): boolean {
  return reply
    .replace(/<think>[\s\S]*?(?:<\/think>|$)/gi, '')
    .replace(/^[\s"'`*_]+/, '')
    .startsWith(NO_ANSWER);
}
