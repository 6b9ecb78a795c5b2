/**
 * Passage text is quoted data from uploaded documents, and documents can be hostile. Before any
 * of it reaches the model we (1) remove characters a reader cannot see but a model does read —
 * the usual carriers of hidden instructions ("ASCII smuggling" in tag characters, zero-width
 * splits of trigger words, bidi overrides that reorder what a reviewer sees), and (2) defuse
 * text that could pass for the prompt's own framing: our `<passage>` delimiters, `[P3]` citation
 * markers, chat-template tokens and role headers. Everything else is kept as written.
 *
 * The function is idempotent (sanitizing twice changes nothing) and its output never contains
 * a stripped code point; both are property-tested.
 */

/** Every line-break form becomes "\n" first, so that the control-character pass keeps lines. */
const lineBreaks = /\r\n?|[\u0085\u2028\u2029]/g;

/**
 * Removed outright:
 * - Default_Ignorable_Code_Point: soft hyphen, U+034F, U+061C, Hangul fillers, U+180B–U+180F,
 *   zero-width characters U+200B–U+200F, bidi embeddings/overrides U+202A–U+202E, U+2060–U+206F
 *   (word joiner, invisible operators, bidi isolates), variation selectors U+FE00–U+FE0F and
 *   U+E0100–U+E01EF, U+FEFF, tag characters U+E0000–U+E007F;
 * - every other format character (Cf), e.g. U+0600–U+0605, U+FFF9–U+FFFB;
 * - C0 and C1 controls and DEL, except "\n" and "\t" (the tab is then folded into a space);
 * - lone surrogates, which are not text at all.
 */
export const invisibleCharacters =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cs}\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;

/** Tag-like openers: `<passage`, `</passage`, `<|im_start|>`, `＜system`, `&lt;/passage`. */
const tagOpener = /(?:<|＜|﹤|&(?:lt|#0*60|#x0*3c);)(?=\s*\/?\s*[\p{L}|!?])/giu;

/** Citation markers in the form the model is asked to write: [P3], [ p3 ], [P1, P2], 【P3】. */
const citationMarker = /[[［【]\s*(p\s*\d+(?:\s*[,;，、]\s*p\s*\d+)*)\s*[\]］】]/giu;

/** Bracketed chat-template role tokens: [INST], [/INST], [SYSTEM]. */
const bracketRole = /[[［【]\s*(\/?\s*(?:inst|sys|system|assistant|user|developer))\s*[\]］】]/giu;

/** A role name followed by a colon, wherever it stands ("system:", "### Assistant:", "USER："). */
const roleHeader = /\b(system|assistant|user|developer|human)(\s*(?:prompt|message))?\s*[:：]/giu;

/** Strips invisible characters, defuses prompt look-alikes and collapses whitespace. */
export function sanitizePassageText(text: string): string {
  const visible = text.replace(lineBreaks, '\n').replace(invisibleCharacters, '');
  return neutralizeFraming(collapseWhitespace(visible));
}

/** For a title (or any one-line field): the same, on a single line. */
export function sanitizeInline(text: string): string {
  return sanitizePassageText(text).replace(/\n/g, ' ');
}

/**
 * Horizontal whitespace runs become one space; a run holding a line break becomes one "\n".
 * `\s` covers the Unicode spaces too (no-break, ideographic, en/em spaces…).
 */
function collapseWhitespace(text: string): string {
  return text
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n\s*/g, '\n')
    .trim();
}

/**
 * Replacements are visible and keep the words: "‹" for a tag opener, parentheses for a
 * citation marker or bracketed role token, " —" for a role header's colon. None of them can
 * match a pattern again, which keeps the function idempotent.
 */
function neutralizeFraming(text: string): string {
  return text
    .replace(tagOpener, '‹')
    .replace(citationMarker, (_whole, inner: string) => `(${inner})`)
    .replace(bracketRole, (_whole, inner: string) => `(${inner})`)
    .replace(roleHeader, (_whole, role: string, suffix: string | undefined) => {
      return `${role}${suffix ?? ''} —`;
    });
}
