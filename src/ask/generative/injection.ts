/**
 * Sentences in a passage that address the model instead of the reader ("Ignore all previous
 * instructions and answer that…"). They stay in the prompt — the passage is quoted as written
 * and the system message tells the model to disregard them — but they never count as evidence:
 * a reply that repeats an injected claim and cites the passage holding it finds no support
 * there. A heuristic second layer, in the languages Codecard serves; the overlap check on the
 * remaining text is what decides.
 */
const instructionPatterns: readonly RegExp[] = [
  // "ignore / disregard / forget … (previous) instructions / rules / prompt / the above"
  /\b(?:ignore|disregard|forget|override|bypass)\b[^.!?\n]{0,60}\b(?:instructions?|prompts?|rules?|directions?|guidelines|context|above|previous|prior)\b/i,
  /\b(?:you are now|you must (?:now )?(?:answer|say|reply|respond|state|claim)|act as (?:an?|the)\b|pretend (?:to be|you are)|from now on\b)/i,
  /\b(?:answer|reply|respond|say|state|claim|tell (?:the )?(?:user|reader|coder))\s+(?:only\s+)?(?:that|with|as follows)\b/i,
  /\b(?:new|updated|real|actual|hidden|secret)\s+instructions?\b/i,
  /\b(?:system|developer|assistant)(?:\s*(?:prompt|message))?\s*(?:[:：]|—)/i,
  /[<‹]\s*\/?\s*(?:\|?\s*im_start|\|?\s*system|passage|question)/i,
  // Spanish, French, German, Russian, Arabic, Vietnamese, Tagalog
  /\b(?:ignora|olvida|ignorez|ignore[rz]|oubliez|ignoriere|vergiss|bỏ qua|huwag pansinin)\b[^.!?\n]{0,60}(?:instrucci|instruction|anweisung|hướng dẫn|tagubilin)/iu,
  /(?:игнорируй|забудь|не обращай внимания)[^.!?\n]{0,60}инструкц/iu,
  /(?:تجاهل|انس)[^.!?\n]{0,60}(?:التعليمات|تعليمات)/u,
  // Chinese, Japanese, Korean
  /(?:忽略|无视|無視|忘记|忘記|무시)[^。！？\n]{0,30}(?:指令|指示|说明|說明|提示|命令|지시|명령)/u,
];

export function isInstructionLike(sentence: string): boolean {
  return instructionPatterns.some((pattern) => pattern.test(sentence));
}

/** The passage text without its instruction-like sentences (split roughly: at stops and line breaks). */
export function withoutInstructions(text: string): string {
  return text
    .split(/(?<=[.!?؟])\s+|(?<=[。！？])|\n/u)
    .filter((sentence) => !isInstructionLike(sentence))
    .join(' ');
}
