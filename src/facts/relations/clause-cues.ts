// Cues that take back what a relation cue says: a negation before it, or a denied premise.
import type { Clause } from './clause.ts';

// A cue right after a negation ("is not included in") states no relation.
const negationBefore =
  /(?:\bnot|\bnever|\bno\s+longer|n['’]t|\bno)\s+(?:(?:be|been|being|a|an|the|always|necessarily|separately|considered|also|really|actually|automatically|usually|typically|generally|se|está|están)\s+){0,3}$/i;

/** True when a negation ends right before `index` (within 60 characters). */
export function negatedAt(clause: Clause, index: number): boolean {
  return negationBefore.test(clause.sentence.slice(Math.max(clause.start, index - 60), index));
}

// A rule that the sentence itself denies: "it is not true that you cannot report X with Y".
const deniedPremise =
  /\b(?:not\s+true|untrue|false\s+that|a\s+myth|misconception|incorrect|not\s+correct|wrong\s+to|not\s+the\s+case|no\s+(?:rule|requirement|edit|policy)\s+(?:that|says|states|requires|requiring)|no\s+es\s+cierto)\b|isn['’]t\s+true/i;

/** True when the clause denies, before `index`, the rule that follows. */
export function premiseDenied(clause: Clause, index: number): boolean {
  return deniedPremise.test(clause.sentence.slice(clause.start, index));
}
