import { negatedAt, premiseDenied } from './clause-cues.ts';
import { matches, span, type Clause, type TextSpan } from './clause.ts';
import { splitPhraseList } from './phrases.ts';
import { listSubject, pair, resolve, type Side } from './sides.ts';
import { objectAt, subjectBefore } from './subject-object.ts';
import type { Relation } from './relation-types.ts';

const activeIncludes =
  /\b(?:includes?|bundles?|encompass(?:es)?|incorporates?|comprises?|contains?|(?:is|are)\s+inclusive\s+of|incluyen?)\b/giu;
const passiveIncludes =
  /\b(?:is|are|was|were|be|been|being)\s+(?:(?:already|always|also|considered|generally|typically|fully|normally|usually)\s+)*(?:(?:included|bundled|incorporated|integral|inclusive)\s+(?:in|into|with|to|within|as\s+part\s+of)|(?:(?:an?|the)\s+)?(?:(?:inclusive|integral|included|bundled|intrinsic)\s+)?(?:part|component|components|element|portion)\s+of)\s+|\b(?:está|están|esta|estan)\s+incluid[oa]s?\s+en\s+/giu;

type Emit = (container: Side | null, parts: Side | null, trigger: TextSpan) => void;

/**
 * "X includes Y", "Y is included in / bundled into / a component of X": one side must name a
 * procedure code, the other may be a phrase ("imaging guidance").
 */
export function readIncludes(clause: Clause): Relation[] {
  const out: Relation[] = [];
  const emit: Emit = (container, parts, trigger) => {
    const partsList =
      parts && !parts.codes ? { ...parts, values: parts.values.flatMap(splitPhraseList) } : parts;
    const found = pair(container, partsList);
    if (!found || !(procedureCodes(clause, found[0]) || procedureCodes(clause, found[1]))) return;
    if (found.some((side) => !side.codes && side.values.some((v) => documentWord.test(v)))) return;
    out.push({
      kind: 'includes',
      subject: found[0].values,
      objects: found[1].values,
      span: span(found[0], found[1], trigger),
    });
  };
  readActiveIncludes(clause, emit);
  readPassiveIncludes(clause, emit);
  return out;
}

/** "X includes Y", "NCCI bundles Y into X". */
function readActiveIncludes(clause: Clause, emit: Emit): void {
  for (const trigger of matches(clause, activeIncludes)) {
    if (negatedAt(clause, trigger.start) || premiseDenied(clause, trigger.start)) continue;
    const before = clause.sentence.slice(clause.start, trigger.start);
    const subject = subjectBefore(clause.sentence, clause.spans, clause.start, trigger.start);
    // "a code that already includes imaging": a relative clause, not the sentence's subject.
    if (!subject?.codes && /\b(?:that|which|who|que)\s+(?:\w+\s+)?$/i.test(before)) continue;
    const objects = objectAt(clause.sentence, clause.spans, trigger.end, clause.end);
    const verb = clause.sentence.slice(trigger.start, trigger.end).toLowerCase();
    if (verb.startsWith('bundle') && objects) {
      // "NCCI bundles 64483 into 62323": the object goes into the code after "into/with".
      const into = /\s(?:into|with|in)\s+/iy;
      into.lastIndex = objects.end;
      if (into.test(clause.sentence)) {
        emit(objectAt(clause.sentence, clause.spans, into.lastIndex, clause.end), objects, trigger);
        continue;
      }
    }
    emit(subject, objects, trigger);
  }
}

/** "Y is included in X", "Y is an integral part of X". */
function readPassiveIncludes(clause: Clause, emit: Emit): void {
  for (const trigger of matches(clause, passiveIncludes)) {
    if (negatedAt(clause, trigger.start) || premiseDenied(clause, trigger.start)) continue;
    const codes = subjectBefore(clause.sentence, clause.spans, clause.start, trigger.start);
    const parts = resolve(
      clause,
      codes?.codes ? codes : (listSubject(clause, trigger.start, 1) ?? codes),
      trigger.start,
    );
    const container = objectAt(clause.sentence, clause.spans, trigger.end, clause.end);
    emit(resolve(clause, container, trigger.start), parts, trigger);
  }
}

// "The billing article includes 62321": a document listing codes, not a service including them.
const documentWord =
  /\b(?:article|lcd|ncd|polic(?:y|ies)|list|table|file|guide|manual|document|section|chapter|appendix|edits?|update|release|version|diagnos[ie]s|criteria)\b/i;

/** True when a code side names a procedure (CPT/HCPCS), not only diagnoses. */
function procedureCodes(clause: Clause, side: Side): boolean {
  return (
    side.codes && clause.spans.some((s) => s.system !== 'icd10cm' && side.values.includes(s.code))
  );
}
