import { negatedAt, premiseDenied } from './clause-cues.ts';
import { matches, span, type Clause, type TextSpan } from './clause.ts';
import { codesWithin } from './code-lists.ts';
import { pair, type Side } from './sides.ts';
import { objectAt, subjectBefore } from './subject-object.ts';
import type { Relation } from './relation-types.ts';

const addOnLink = /\b(?:in\s+addition\s+to|in\s+conjunction\s+with|además\s+de)\s+/giu;
const reportVerb =
  /\b(?:report|bill|code|list|use|reported|billed|listed|coded|used|reporte|facture)\b(?=[^.;]*$)/iu;
const addOnOf = /\badd-?on\s+(?:code\s+)?(?:to|for|of)\s+/giu;
const addOnCodes = /\badd-?on\s+codes?\s+/giu;
const primaryCodes = /\bprimary\s+(?:procedure\s+)?codes?\s+/iy;

type Emit = (found: [Side, Side] | null, trigger: TextSpan) => void;

/** "Report X in addition to Y", "X is an add-on code to Y": X is reported with the primary Y. */
export function readAddOn(clause: Clause): Relation[] {
  const out: Relation[] = [];
  const emit: Emit = (found, trigger) => {
    if (!found) return;
    out.push({
      kind: 'add-on',
      subject: found[0].values,
      objects: found[1].values,
      span: span(found[0], found[1], trigger),
    });
  };
  readInAdditionTo(clause, emit);
  readAddOnTo(clause, emit);
  readAddOnWithPrimary(clause, emit);
  return out;
}

/** "Report 64484 in addition to 64483" (the reporting verb must not be negated). */
function readInAdditionTo(clause: Clause, emit: Emit): void {
  for (const trigger of matches(clause, addOnLink)) {
    const before = clause.sentence.slice(clause.start, trigger.start);
    const verb = reportVerb.exec(before);
    if (!verb) continue;
    const verbAt = clause.start + verb.index;
    if (negatedAt(clause, verbAt) || premiseDenied(clause, verbAt)) continue;
    if (/\b(?:not|never|no)\b/i.test(before.slice(verb.index))) continue;
    const subject =
      codesWithin(clause.spans, verbAt, trigger.start) ??
      subjectBefore(clause.sentence, clause.spans, clause.start, verbAt);
    const objects = objectAt(clause.sentence, clause.spans, trigger.end, clause.end);
    if (subject?.codes) emit(pair(subject, objects), trigger);
  }
}

/** "64484 is an add-on code to 64483". */
function readAddOnTo(clause: Clause, emit: Emit): void {
  for (const trigger of matches(clause, addOnOf)) {
    if (negatedAt(clause, trigger.start)) continue;
    const subject = subjectBefore(clause.sentence, clause.spans, clause.start, trigger.start);
    const objects = objectAt(clause.sentence, clause.spans, trigger.end, clause.end);
    if (subject?.codes) emit(pair(subject, objects), trigger);
  }
}

/** "Add-on codes 64484 and 64486 are reported with primary codes 64483 or 64485". */
function readAddOnWithPrimary(clause: Clause, emit: Emit): void {
  for (const trigger of matches(clause, addOnCodes)) {
    const subject = objectAt(clause.sentence, clause.spans, trigger.end, clause.end);
    if (!subject?.codes) continue;
    const rest = clause.sentence.slice(subject.end, clause.end);
    const primary = /\bprimary\s+/i.exec(rest);
    if (!primary || /\b(?:not|never)\b/i.test(rest.slice(0, primary.index))) continue;
    primaryCodes.lastIndex = subject.end + primary.index;
    const at = primaryCodes.test(clause.sentence)
      ? primaryCodes.lastIndex
      : subject.end + primary.index + primary[0].length;
    const objects = objectAt(clause.sentence, clause.spans, at, clause.end);
    if (objects?.codes) emit(pair(subject, objects), trigger);
  }
}
