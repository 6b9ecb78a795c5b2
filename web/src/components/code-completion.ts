/** The part of the text the suggestions are for: the whole value, or its last word. */
export type CompleteMode = 'whole' | 'last-word';

export const SEARCH_DELAY_MS = 150;

/**
 * The word being typed when it looks like a code or a term worth searching ("6226", "J10",
 * "M54.1", "adhesiolysis"), else null. Surrounding quotes and brackets are ignored.
 */
export function searchTerm(value: string, mode: CompleteMode): string | null {
  const word = mode === 'whole' ? value.trim() : (/(\S+)$/.exec(value)?.[1] ?? '');
  const term = word.replace(/^[("'“‘«]+/, '');
  if (term.length < 2 || term.length > 40) return null;
  return /^[\p{L}\p{N}][\p{L}\p{N}.-]*$/u.test(term) ? term : null;
}

/** The text with the chosen code in place of the word being typed. */
export function insertCode(value: string, code: string, mode: CompleteMode): string {
  if (mode === 'whole') return code;
  const match = /(\S+)$/.exec(value);
  if (!match) return `${value}${code} `;
  const word = match[1]!;
  const lead = /^[("'“‘«]+/.exec(word)?.[0] ?? '';
  return `${value.slice(0, match.index)}${lead}${code} `;
}
