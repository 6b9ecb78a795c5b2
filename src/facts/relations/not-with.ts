import { premiseDenied } from './clause-cues.ts';
import { matches, span, type Clause, type TextSpan } from './clause.ts';
import { codesWithin } from './code-lists.ts';
import { cleanPhrase } from './phrases.ts';
import { aboutModifiers, listSubject, pair, resolve, splitList, type Side } from './sides.ts';
import { objectAt, subjectBefore } from './subject-object.ts';
import type { Relation } from './relation-types.ts';

// The word that joins the two sides: "do not report X with Y".
const connector =
  /\s(?:together\s+with|along\s+with|in\s+addition\s+to|in\s+conjunction\s+with|with|junto\s+con|con|además\s+de)\s+/iy;
const sameOccasion =
  /^\s*(?:together|(?:for|on|at|in|during)\s+(?:the\s+same|one|a\s+single)|el\s+mismo|juntos)\b/i;

const imperativeNot =
  /\b(?:do\s+not|don['’]t|never|(?:should|must|may|can|could|shall)\s+not|cannot|can['’]t|shouldn['’]t|mustn['’]t)\s+(?:(?:separately|also|ever)\s+)?(?:report|bill|code|submit|list|charge|use|claim)\b|\bno\s+(?:se\s+)?(?:debe[n]?\s+)?(?:reporte|reporta|reportan|reportar|facture|factura|facturan|facturar|codifique|codifica|codifican|codificar)\b/giu;
const passiveNot =
  /\b(?:(?:should|must|may|can|could|shall|will|would|is|are|was|were|does|do)\s+not|cannot|can['’]t|isn['’]t|aren['’]t|shouldn['’]t|mustn['’]t|won['’]t|(?:should|must|is|are|may|can)\s+never|never|(?:should|must|is|are)\s+no\s+longer)\s+(?:be\s+)?(?:(?:separately|routinely|also|ever|normally)\s+)?(?:reported|billed|coded|submitted|listed|charged|used|payable|billable|reportable|paid|allowed|reimbursed|combined|paired)(?:\s+separately)?\b/gi;
const whenBilled = /\s+(?:when|if)\s+(?:billed|reported|performed|submitted|provided)/iy;

type Emit = (found: [Side, Side] | null, trigger: TextSpan) => void;

/** "Do not report X with Y", "X and Y are not reported together": never on one claim. */
export function readNotWith(clause: Clause): Relation[] {
  const out: Relation[] = [];
  const emit: Emit = (found, trigger) => {
    // A code-pair rule needs a code on one side at least; modifier rules are not code pairs.
    if (!found || !found.some((side) => side.codes) || found.some(aboutModifiers)) return;
    const [subject, objects] = found;
    out.push({
      kind: 'not-with',
      subject: subject.values,
      objects: objects.values,
      negated: false,
      span: span(subject, objects, trigger),
    });
  };
  const taken = readImperatives(clause, emit);
  readPassives(clause, taken, emit);
  return out;
}

/** "Do not report X with Y", "never bill X and Y together"; returns where each cue starts. */
function readImperatives(clause: Clause, emit: Emit): number[] {
  const taken: number[] = [];
  for (const trigger of matches(clause, imperativeNot)) {
    if (premiseDenied(clause, trigger.start)) continue;
    taken.push(trigger.start);
    const link = findConnector(clause, trigger.end);
    if (link) {
      const subject =
        codesWithin(clause.spans, trigger.end, link.start) ??
        phraseSide(clause, trigger.end, link.start);
      const objects = objectAt(clause.sentence, clause.spans, link.end, clause.end);
      emit(pair(subject, resolve(clause, objects, trigger.start)), trigger);
      continue;
    }
    const subject = objectAt(clause.sentence, clause.spans, trigger.end, clause.end);
    if (subject && sameOccasion.test(clause.sentence.slice(subject.end, clause.end))) {
      emit(splitList(subject), trigger);
    }
  }
  return taken;
}

/**
 * "X should not be reported with Y", "X and Y are not billed together". A passive cue after an
 * imperative one (`taken`) is left to the imperative's reading of the clause.
 */
function readPassives(clause: Clause, taken: readonly number[], emit: Emit): void {
  for (const trigger of matches(clause, passiveNot)) {
    if (taken.some((t) => t <= trigger.start) || premiseDenied(clause, trigger.start)) continue;
    whenBilled.lastIndex = trigger.end;
    const after = whenBilled.test(clause.sentence) ? whenBilled.lastIndex : trigger.end;
    const subject = resolve(
      clause,
      subjectBefore(clause.sentence, clause.spans, clause.start, trigger.start),
      trigger.start,
    );
    connector.lastIndex = after;
    const link = connector.exec(clause.sentence);
    if (link && link.index + link[0].length <= clause.end) {
      const objects = objectAt(
        clause.sentence,
        clause.spans,
        link.index + link[0].length,
        clause.end,
      );
      if (objects && /^(?:each other|one another)$/i.test(objects.values[0] ?? '')) {
        emit(splitList(subject), trigger);
      } else {
        emit(pair(subject, resolve(clause, objects, trigger.start)), trigger);
      }
    } else if (sameOccasion.test(clause.sentence.slice(after, clause.end))) {
      emit(splitList(listSubject(clause, trigger.start) ?? subject), trigger);
    }
  }
}

/** The "with"/"in addition to" after an imperative cue, before any punctuation. */
function findConnector(clause: Clause, from: number): TextSpan | null {
  for (let i = from; i < clause.end; i++) {
    if (!/\s/.test(clause.sentence[i] ?? '')) continue;
    if (/[,;.]/.test(clause.sentence.slice(from, i))) return null;
    connector.lastIndex = i;
    const link = connector.exec(clause.sentence);
    if (link && link.index + link[0].length <= clause.end) {
      return { start: i, end: link.index + link[0].length };
    }
  }
  return null;
}

/** A phrase as a side when no code names it: "do not report imaging guidance with 62321". */
function phraseSide(clause: Clause, start: number, end: number): Side | null {
  const phrase = cleanPhrase(clause.sentence.slice(start, end));
  return phrase ? { values: [phrase], start, end, codes: false } : null;
}
