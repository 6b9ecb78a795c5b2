import {
  codeListAt,
  codeListBefore,
  extendList,
  groups,
  type CodeSpan,
  type Items,
} from './code-lists.ts';
import { cleanPhrase } from './phrases.ts';

// Where an object phrase ends: punctuation, or a word that starts a condition or a new clause.
const phraseStop =
  /[,;:.!?()]|\s(?:when|unless|if|because|since|during|except|so|but|which|where|while|whether|regardless|provided|by|per|once|twice|cuando|si|porque|para|salvo|excepto)\b|\s(?:for|on|at|in)\s+(?:the\s+same|a\s+single|each|one|this|that|both|all|any|least|most|different|separate|its\s+own|the\s+day|the\s+claim)\b|\s(?:and|or|y)\s+(?:is|are|was|should|must|may|can|cannot|could|will|do|does|not|never|it|they)\b/i;

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
