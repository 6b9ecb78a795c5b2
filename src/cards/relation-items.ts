import { detectCodeMentions, type RangeExpander } from '../library/code-mentions.ts';
import type { CodeSystem } from '../domain/code-system.ts';

/** A code named in the sentence (modifiers left out: they are never a relation's side). */
export interface CodeSpan {
  system: Exclude<CodeSystem, 'modifier'>;
  code: string;
  start: number;
  end: number;
}

/** One side of a relation: codes when the text names codes, else the text phrase. */
export interface Items {
  values: string[];
  start: number;
  end: number;
  /** True when the values are codes (false: a phrase such as "imaging guidance"). */
  codes: boolean;
}

export function codeSpans(sentence: string, expandRange?: RangeExpander): CodeSpan[] {
  const spans: CodeSpan[] = [];
  for (const m of detectCodeMentions(sentence, expandRange)) {
    if (m.system !== 'modifier') {
      spans.push({ system: m.system, code: m.code, start: m.start, end: m.end });
    }
  }
  return spans;
}

// Between two codes of one list: "62321, 62323 or 62325", "64483 and/or 64484", "62321/62323".
const listGap =
  /^\s*(?:[,/&\-–—]\s*)?(?:(?:and\/or|and|or|nor|through|thru|plus|y|o)\s+)?(?:(?:CPT|HCPCS)\s+)?(?:codes?\s+)?$/i;
// What may precede the first code of a list: "code 77003", "CPT codes 62321", "the codes 62321".
const listLead =
  /^\s*(?:(?:the|any|all|either|both)\s+)?(?:(?:CPT|HCPCS|add-on|primary)\s+)?(?:codes?\s+)?(?:of\s+)?$/i;

/** Groups the spans that belong together: a range's codes share one span. */
function groups(spans: readonly CodeSpan[]): CodeSpan[][] {
  const result: CodeSpan[][] = [];
  for (const span of spans) {
    const last = result.at(-1);
    if (last?.[0] && last[0].start === span.start && last[0].end === span.end) last.push(span);
    else result.push([span]);
  }
  return result;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** The code list that starts right at `from` (after "code(s)" and the like), if any. */
export function codeListAt(
  sentence: string,
  spans: readonly CodeSpan[],
  from: number,
  limit = sentence.length,
): Items | null {
  const all = groups(spans.filter((s) => s.start >= from && s.end <= limit));
  const first = all[0]?.[0];
  if (!first || !listLead.test(sentence.slice(from, first.start))) return null;
  return extendList(sentence, all, 0);
}

/** The code list that ends closest to `before` within [from, before), if any. */
export function codeListBefore(
  sentence: string,
  spans: readonly CodeSpan[],
  from: number,
  before: number,
): Items | null {
  const all = groups(spans.filter((s) => s.start >= from && s.end <= before));
  if (all.length === 0) return null;
  let first = all.length - 1;
  while (first > 0) {
    const previous = all[first - 1]?.[0];
    const current = all[first]?.[0];
    if (!previous || !current || !listGap.test(sentence.slice(previous.end, current.start))) break;
    first--;
  }
  return extendList(sentence, all.slice(first), 0);
}

function extendList(sentence: string, all: CodeSpan[][], index: number): Items | null {
  const head = all[index];
  const first = head?.[0];
  if (!head || !first) return null;
  const values = head.map((s) => s.code);
  let end = first.end;
  for (let i = index + 1; i < all.length; i++) {
    const group = all[i];
    const next = group?.[0];
    if (!group || !next || !listGap.test(sentence.slice(end, next.start))) break;
    values.push(...group.map((s) => s.code));
    end = next.end;
  }
  return { values: unique(values), start: first.start, end, codes: true };
}

/** Codes anywhere in [from, to), grouped as lists. */
export function codesWithin(spans: readonly CodeSpan[], from: number, to: number): Items | null {
  const inside = spans.filter((s) => s.start >= from && s.end <= to);
  const first = inside[0];
  const last = inside.at(-1);
  if (!first || !last) return null;
  return {
    values: unique(inside.map((s) => s.code)),
    start: first.start,
    end: last.end,
    codes: true,
  };
}

// Where an object phrase ends: punctuation, or a word that starts a condition or a new clause.
const phraseStop =
  /[,;:.!?()]|\s(?:when|unless|if|because|since|during|except|so|but|which|where|while|whether|regardless|provided|by|per|once|twice|cuando|si|porque|para|salvo|excepto)\b|\s(?:for|on|at|in)\s+(?:the\s+same|a\s+single|each|one|this|that|both|all|any|least|most|different|separate|its\s+own|the\s+day|the\s+claim)\b|\s(?:and|or|y)\s+(?:is|are|was|should|must|may|can|cannot|could|will|do|does|not|never|it|they)\b/i;

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

/** The object after `from`: a code list, else a phrase up to the next stop (codes in it win). */
export function objectAt(
  sentence: string,
  spans: readonly CodeSpan[],
  from: number,
  limit = sentence.length,
): Items | null {
  const list = codeListAt(sentence, spans, from, limit);
  if (list) return list;
  const rest = sentence.slice(from, limit);
  const stop = phraseStop.exec(rest);
  const end = from + (stop ? stop.index : rest.length);
  const inside = groups(spans.filter((s) => s.start >= from && s.end <= end));
  if (inside.length > 0) return extendList(sentence, inside.concat(groupsAfter(spans, end)), 0);
  const phrase = cleanPhrase(sentence.slice(from, end));
  if (!phrase || phrase.split(' ').length > 12) return null;
  const start = from + sentence.slice(from, end).indexOf(phrase.split(' ')[0] ?? '');
  return { values: [phrase], start: Math.max(from, start), end, codes: false };
}

function groupsAfter(spans: readonly CodeSpan[], end: number): CodeSpan[][] {
  return groups(spans.filter((s) => s.start >= end));
}

const clauseBoundary =
  /(?:[,;:(]|\b(?:that|if|when|so|and|but|because|while|where|since|although|then|que|si|cuando))\s+(?=\S)/gi;

/** The subject before `before`: the nearest code list, else the phrase after the last boundary. */
export function subjectBefore(
  sentence: string,
  spans: readonly CodeSpan[],
  from: number,
  before: number,
): Items | null {
  const text = sentence.slice(from, before);
  // "X is included in Y and is not reported with Z": the subject of "is not reported" is X.
  if (/\b(?:and|but|y|pero)\s*$/i.test(text)) {
    const verb =
      /\s(?:is|are|was|were|should|must|may|can|cannot|will|has|have|está|están|es|son)\b/i.exec(
        text,
      );
    return verb && verb.index > 0 ? subjectBefore(sentence, spans, from, from + verb.index) : null;
  }
  const list = codeListBefore(sentence, spans, from, before);
  const between = list ? sentence.slice(list.end, before) : '';
  // A code list counts when a few words at most, and no clause boundary, separate it from the
  // verb ("Code 77003 is", "62264 and 62263 are", "45378 performed at the same session is").
  if (
    list &&
    between.split(/\s+/).filter(Boolean).length <= 8 &&
    !/[,;:]|\b(?:because|so|that|which|when|if|since|while|where|although|but|and|unless|porque|que|cuando)\b/i.test(
      between,
    )
  ) {
    return list;
  }
  let start = 0;
  for (const match of text.matchAll(clauseBoundary)) start = match.index + match[0].length;
  const phrase = cleanPhrase(text.slice(start));
  if (!phrase || phrase.split(' ').length > 12) return list;
  return { values: [phrase], start: from + start, end: before, codes: false };
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
