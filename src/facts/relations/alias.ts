import { aliasNames, aliasSubject } from './alias-sides.ts';
import { negatedAt, premiseDenied } from './clause-cues.ts';
import { matches, span, type Clause } from './clause.ts';
import type { Relation } from './relation-types.ts';

// "is also known as", "often called", "a.k.a.", "other names include", "también llamado".
const aliasCue =
  /\b(?:(?:is|are|was|were|be|been|being|se)\s+)?(?:(?:also|often|commonly|sometimes|frequently|widely|informally|colloquially|generally|usually|better|more\s+commonly|popularly|locally|también)\s+)*(?:called|known\s+as|referred\s+to\s+as|abbreviated(?:\s+as)?|shortened\s+to|nicknamed|dubbed|llamad[oa]s?|conocid[oa]s?\s+como|conoce\s+como|denominad[oa]s?|(?<=(?:also|often|commonly|sometimes|frequently|widely|informally|colloquially|usually)\s+)(?:termed|named|described\s+as|written\s+as))\b|\ba\.?k\.?a\.?(?=[\s:])|\bother\s+names?\s*(?:include|are|:)|\balso\s+referred\s+to\s+as\b/giu;

/** "X is also known as / also called / often referred to as 'NAME'". */
export function readAliases(clause: Clause): Relation[] {
  const out: Relation[] = [];
  for (const trigger of matches(clause, aliasCue)) {
    if (negatedAt(clause, trigger.start) || premiseDenied(clause, trigger.start)) continue;
    const cue = clause.sentence.slice(trigger.start, trigger.end).toLowerCase();
    // Spanish cues need "también" ("also"): "llamado" alone is just "called".
    if (
      /llamad|conoc|denomin/.test(cue) &&
      !/también/i.test(
        clause.sentence.slice(Math.max(clause.start, trigger.start - 20), trigger.end),
      )
    ) {
      continue;
    }
    // A bare "called" needs "is", an adverb or an appositive comma: "growths called polyps"
    // names a thing in passing, it does not give a procedure another name.
    const bare = /^(?:called|known\s+as|referred\s+to\s+as)$/.test(cue.trim());
    if (bare && !/,\s*$/.test(clause.sentence.slice(clause.start, trigger.start))) continue;
    const names = aliasNames(clause, trigger.end);
    if (!names) continue;
    const subject = aliasSubject(clause, trigger.start);
    out.push({
      kind: 'alias',
      subject: subject?.values ?? [],
      names: names.values,
      span: span(names, trigger, ...(subject ? [subject] : [])),
    });
  }
  return out;
}
