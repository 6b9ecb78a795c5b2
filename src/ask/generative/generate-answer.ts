import { chatCompletion } from './chat-client.ts';
import { guardAnswer } from './citation-guard.ts';
import { buildMessages } from './prompt.ts';
import type { GeneratedAnswer, RetrievedPassage } from './types.ts';
import type { GenerativeConfig } from '../../config/generative-config.ts';

/**
 * Turns retrieved passages into a cited answer through an OpenAI-compatible chat-completions
 * endpoint. The model sees only the question and the sanitized passages, as data; its reply
 * goes through the citation guard, which keeps a sentence only when it cites supplied passages
 * that support it.
 *
 * Returns null when there is nothing to ground an answer on, when the model answers NO_ANSWER,
 * or when no sentence survives the guard: the caller then gives the extractive answer.
 * Endpoint failures (HTTP error, timeout, malformed JSON, no message) throw an Error whose
 * message never contains the API key.
 */
export async function generateAnswer(
  config: GenerativeConfig,
  question: string,
  lang: string,
  passages: RetrievedPassage[],
  fetchImpl?: typeof fetch,
): Promise<GeneratedAnswer | null> {
  if (passages.length === 0) return null;
  const messages = buildMessages(question, lang, passages);
  const completion = await chatCompletion(config, messages, fetchImpl);
  const guarded = guardAnswer(completion.content, passages);
  if (!guarded) return null;
  return {
    sentences: guarded.sentences,
    dropped: guarded.dropped.length,
    model: completion.model ?? config.model,
  };
}
