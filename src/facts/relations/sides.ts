import type { Clause } from './clause.ts';
import type { Items } from './code-lists.ts';
import { isPronoun, splitPhraseList } from './phrases.ts';
import { subjectBefore } from './subject-object.ts';

/** One side of a relation as the readers pass it on. */
export type Side = Pick<Items, 'values' | 'start' | 'end' | 'codes'>;

/** Resolves "it"/"them" to the codes the sentence named before `before`. */
export function resolve(clause: Clause, side: Side | null, before: number): Side | null {
  if (!side || side.codes || !isPronoun(side.values[0] ?? '')) return side;
  // "which"/"that" refer to a phrase, not to a code named earlier.
  if (/^(?:which|that|who|que)$/i.test(side.values[0] ?? '')) return null;
  const earlier = clause.spans.filter((s) => s.end <= before);
  if (earlier.length === 0) return null;
  return { ...side, values: [...new Set(earlier.map((s) => s.code))], codes: true };
}

/** A phrase side that speaks of modifiers ("modifier 59", "modifiers"). */
export const aboutModifiers = (side: Side) =>
  !side.codes && side.values.some((v) => /modifi/i.test(v));

/**
 * The subject against the objects it does not itself name; null when a side is empty or is about
 * modifiers (a modifier rule is not a relation between codes).
 */
export function pair(subject: Side | null, objects: Side | null): [Side, Side] | null {
  if (!subject || !objects || subject.values.length === 0 || objects.values.length === 0) {
    return null;
  }
  if (aboutModifiers(subject) || aboutModifiers(objects)) return null;
  const rest = objects.values.filter((v) => !subject.values.includes(v));
  if (rest.length === 0) return null;
  return [subject, { ...objects, values: rest }];
}

/** "X and Y ... together": the first item against the rest. */
export function splitList(side: Side | null): [Side, Side] | null {
  if (!side) return null;
  const values = side.codes ? side.values : side.values.flatMap(splitPhraseList);
  const [first, ...rest] = values;
  if (!first || rest.length === 0) return null;
  return [
    { ...side, values: [first] },
    { ...side, values: rest },
  ];
}

/** The items before a verb as a list ("Vertebroplasty and kyphoplasty at one level are"). */
export function listSubject(clause: Clause, before: number, minItems = 2): Side | null {
  const codes = subjectBefore(clause.sentence, clause.spans, clause.start, before);
  if (codes?.codes) return codes;
  const text = clause.sentence.slice(clause.start, before);
  const boundaries = text.matchAll(
    /(?:[,:(]|\b(?:that|which|if|when|so|because|while|where|since|then|que|si|cuando)\b)\s*/gi,
  );
  const from = Math.max(0, ...[...boundaries].map((m) => m.index + m[0].length));
  const items = splitPhraseList(text.slice(from).replace(/\s+(?:are|is|were|was|son|es)\s*$/i, ''))
    .map((item) =>
      item.replace(
        /\s+(?:(?:at|on|during)\s|(?:for|in)\s+(?:the\s+same|a\s+single|one|each)\b).*$/i,
        '',
      ),
    )
    .filter(Boolean);
  return items.length >= minItems
    ? { values: items, start: clause.start + from, end: before, codes: false }
    : null;
}
