import { CodecardError } from '../errors/codecard-error.ts';

/** Claim JSON nests 4 levels ({claims: [{lines: [{modifiers: []}]}]}); request bodies fewer. */
export const MAX_JSON_NESTING = 64;

/**
 * Whether JSON text opens more than `limit` arrays or objects inside each other. A loop over the
 * characters, no recursion: deeply nested input must be refused before anything walks it
 * recursively (JSON.stringify, a validator, a proto-poisoning scan) and runs out of stack.
 * Brackets inside strings do not count; the text need not be valid JSON.
 */
export function jsonNestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return false;
}

/** Refuses JSON nested deeper than MAX_JSON_NESTING: BAD_INPUT naming where it came from. */
export function refuseDeepJson(text: string, source: string): void {
  if (jsonNestedDeeperThan(text, MAX_JSON_NESTING))
    throw new CodecardError('BAD_INPUT', {
      detail: `${source}: JSON nested deeper than ${MAX_JSON_NESTING} levels`,
    });
}
