import { instructionFlags } from '../../domain/instruction-like.ts';

/**
 * A passage split into what it states and what it tells a model to do. The instruction-like
 * sentences stay in the prompt — the passage is quoted as written and the system message tells
 * the model to disregard them — but they never count as evidence: a reply that repeats an
 * injected claim and cites the passage holding it finds no support there, and a reply sentence
 * that restates one is dropped (see `restatesInstruction` in support.ts).
 */
export interface SplitPassage {
  /** The sentences that state something, in order. */
  statements: string[];
  /** The sentences that address the model. */
  instructions: string[];
}

/** Split roughly (at stops, line breaks and the "|" of a table row), as the guard needs it. */
export function splitInstructions(text: string): SplitPassage {
  const sentences = text
    .split(/(?<=[.!?؟:：])\s+|(?<=[。！？])|\n|\s\|\s/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
  const flags = instructionFlags(sentences);
  return {
    statements: sentences.filter((_, i) => !flags[i]),
    instructions: sentences.filter((_, i) => flags[i]),
  };
}

/** The passage text without its instruction-like sentences. */
export function withoutInstructions(text: string): string {
  return splitInstructions(text).statements.join(' ');
}
