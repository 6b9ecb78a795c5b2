import type { Clause } from './clause.ts';
import { codesWithin } from './code-lists.ts';
import { cleanPhrase, isPronoun } from './phrases.ts';
import type { Side } from './sides.ts';

// The two sides of an alias: the names given, and what they name.

/** The names after an alias cue: quoted names, else a comma/or list up to a trailing clause. */
export function aliasNames(clause: Clause, from: number): Side | null {
  const text = clause.sentence.slice(from, clause.end);
  if (/^\s*(?:after|for|to|upon|on|by)\b/i.test(text)) return null;
  const quoted = [...text.matchAll(/["“']([^"”']{2,60})["”']/g)].map((m) => m[1] ?? '');
  const tail = /\s+(?:in|by|after|when|among|within|from|on|at|en|por)\s+(?!adhesions?\b).*$/is;
  const names = (
    quoted.length > 0
      ? quoted
      : text
          .replace(/^\s*:?\s*/, '')
          .replace(/[.;]\s*$/, '')
          .split(/\s*,\s*(?:(?:or|and|o|y)\s+)?|\s+or\s+|\s+o\s+/i)
          .map((name) => name.replace(tail, ''))
  )
    .map(cleanPhrase)
    .filter(
      (name) =>
        name &&
        name.split(' ').length <= 8 &&
        !/^(?:after|for|in|by|on|when|to|from|at|with|among|within|which|that)\b/i.test(name),
    );
  return names.length > 0
    ? { values: [...new Set(names)], start: from, end: clause.end, codes: false }
    : null;
}

/** What the names are for: codes before the cue, else the phrase (or the appositive) before it. */
export function aliasSubject(clause: Clause, before: number): Side | null {
  const codes = codesWithin(clause.spans, clause.start, before);
  if (codes) return codes;
  const text = clause.sentence.slice(clause.start, before);
  const boundaries = text.matchAll(
    /(?:[,:;(]|\b(?:that|which|if|when|so|because|while|where|since|then|que|si|cuando)\b)\s*/gi,
  );
  const cuts = [0, ...[...boundaries].map((m) => m.index + m[0].length)];
  // "Sacroiliac joint injection, also known as ...": an appositive names what precedes it.
  const appositive = /,\s*$/.test(text) && cuts.length > 1;
  const from = (appositive ? cuts.at(-2) : cuts.at(-1)) ?? 0;
  const phrase = cleanPhrase(
    text
      .slice(from, appositive ? text.lastIndexOf(',') : text.length)
      // "In some notes the C-arm is called ...": the setting is not the subject.
      .replace(/^(?:in|on|at|for|among|within)\s+[^,]*?\s+(?=(?:the|a|an)\s)/i, ''),
  ).replace(
    /(?:\s+(?:también|se|le|also|often|commonly|sometimes|frequently|usually|may|can|might|is|are|be))+$/i,
    '',
  );
  if (
    !phrase ||
    isPronoun(phrase) ||
    /\s(?:it|they|this)$/i.test(phrase) ||
    phrase.split(' ').length > 8 ||
    /^(?:patients?|clinicians?|physicians?|coders?|referring|some|many|most|people)\b/i.test(phrase)
  ) {
    return null;
  }
  return { values: [phrase], start: clause.start + from, end: before, codes: false };
}
