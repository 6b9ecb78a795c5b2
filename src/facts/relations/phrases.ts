// Phrases as relation sides: trimmed of filler words, split into items, pronouns recognized.

const leadingFiller =
  /^(?:(?:and|or|so|but|then|therefore|thus|also|that|which|if|when|because|while|where|y|o|que)\s+)+/i;
const leadingDeterminer =
  /^(?:the|a|an|any|all|this|these|those|its|their|such|el|la|los|las|un|una)\s+/i;

const trailingFiller =
  /\s+(?:and|or|but|y|o|performed|done|provided|given|billed|reported|used|together|also|too)$/i;

/** Trims filler and determiners from a phrase; empty when nothing is left. */
export function cleanPhrase(text: string): string {
  let phrase = text.replace(/\s+/g, ' ').trim();
  phrase = phrase.replace(/^["'“‘(]+|["'”’).,;:]+$/g, '').trim();
  for (let i = 0; i < 3; i++) {
    phrase = phrase.replace(leadingFiller, '').replace(leadingDeterminer, '').trim();
    phrase = phrase.replace(trailingFiller, '').trim();
  }
  return phrase;
}

/** Splits a phrase list ("imaging guidance and contrast") into its items. */
export function splitPhraseList(phrase: string): string[] {
  return phrase
    .split(/\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|y|o)\s+/i)
    .map(cleanPhrase)
    .filter(Boolean);
}

const pronoun =
  /^(?:it|they|them|this|that|which|who|either|codes?|procedure|service|other codes?|primary code|each other|one another|lo|la|los|las)$/i;

export const isPronoun = (phrase: string) => pronoun.test(phrase);
