import { negatedAt, premiseDenied } from './clause-cues.ts';
import { matches, span, type Clause } from './clause.ts';
import { listSubject, pair, splitList, type Side } from './sides.ts';
import { objectAt, subjectBefore } from './subject-object.ts';
import type { Relation } from './relation-types.ts';

const exclusive = /\b(?:mutually\s+exclusive|mutuamente\s+excluyentes?)\b/giu;

/** "X and Y are mutually exclusive", "X is mutually exclusive with Y". */
export function readMutuallyExclusive(clause: Clause): Relation[] {
  const out: Relation[] = [];
  for (const trigger of matches(clause, exclusive)) {
    if (negatedAt(clause, trigger.start) || premiseDenied(clause, trigger.start)) continue;
    const tail = /\s+(?:with|of|to|from|con|de)\s+/iy;
    tail.lastIndex = trigger.end;
    let found: [Side, Side] | null = null;
    if (tail.test(clause.sentence)) {
      found = pair(
        subjectBefore(clause.sentence, clause.spans, clause.start, trigger.start),
        objectAt(clause.sentence, clause.spans, tail.lastIndex, clause.end),
      );
    } else {
      found = splitList(listSubject(clause, trigger.start));
    }
    if (!found) continue;
    out.push({
      kind: 'mutually-exclusive',
      subject: found[0].values,
      objects: found[1].values,
      span: span(found[0], found[1], trigger),
    });
  }
  return out;
}
