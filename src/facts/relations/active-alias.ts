import { aliasNames } from './alias-sides.ts';
import { negatedAt } from './clause-cues.ts';
import { matches, span, type Clause } from './clause.ts';
import type { Side } from './sides.ts';
import { objectAt, subjectBefore } from './subject-object.ts';
import type { Relation } from './relation-types.ts';

const activeCall = /\bcall(?:s|ed)?\s+/giu;
const anotherName = /\b(?:is|are)\s+(?:an)?other\s+names?\s+for\s+/giu;

/** Names given with an active verb: "they call X a NAME", "NAME is another name for X". */
export function readActiveAliases(clause: Clause): Relation[] {
  return [...namesGivenByCall(clause), ...anotherNameFor(clause)];
}

/** "Clinicians often call 62323 a lumbar ESI", "patients call it 'the back shot'". */
function namesGivenByCall(clause: Clause): Relation[] {
  const out: Relation[] = [];
  for (const trigger of matches(clause, activeCall)) {
    if (negatedAt(clause, trigger.start) || trigger.start === clause.start) continue;
    const codes = codeListAtStart(clause, trigger.end);
    const rest = clause.sentence.slice(codes?.end ?? trigger.end, clause.end);
    const named = codes
      ? null
      : /^(it|them|this\s+(?:procedure|service|injection|code))\s+/i.exec(rest);
    if (!codes && !named) continue;
    const from = (codes?.end ?? trigger.end) + (named?.[0].length ?? 0);
    if (!/^\s*(?:a|an|the|["“'])/i.test(clause.sentence.slice(from, clause.end))) continue;
    const names = aliasNames(clause, from);
    if (!names) continue;
    out.push({
      kind: 'alias',
      subject: codes?.values ?? [],
      names: names.values,
      span: span(trigger, names),
    });
  }
  return out;
}

/** "Lumbar ESI is another name for 62323". */
function anotherNameFor(clause: Clause): Relation[] {
  const out: Relation[] = [];
  for (const trigger of matches(clause, anotherName)) {
    if (negatedAt(clause, trigger.start)) continue;
    const name = subjectBefore(clause.sentence, clause.spans, clause.start, trigger.start);
    const subject = objectAt(clause.sentence, clause.spans, trigger.end, clause.end);
    if (!name || name.codes || !subject) continue;
    out.push({
      kind: 'alias',
      subject: subject.values,
      names: name.values,
      span: span(name, subject),
    });
  }
  return out;
}

/** The code list right at `from` ("call 62323 a ..."), not one further on. */
function codeListAtStart(clause: Clause, from: number): Side | null {
  const list = objectAt(clause.sentence, clause.spans, from, clause.end);
  return list?.codes && /^\s*$/.test(clause.sentence.slice(from, list.start)) ? list : null;
}
