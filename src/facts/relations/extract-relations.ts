import { readActiveAliases } from './active-alias.ts';
import { readAddOn } from './add-on.ts';
import { readAliases } from './alias.ts';
import { clauses, type Clause } from './clause.ts';
import { codeSpans } from './code-lists.ts';
import { readFrequency } from './frequency.ts';
import { readIncludes } from './includes.ts';
import { readMutuallyExclusive } from './mutually-exclusive.ts';
import { readNotWith } from './not-with.ts';
import { instructionFlags } from '../../domain/instruction-like.ts';
import type { RangeExpander } from '../../library/code-mentions.ts';
import { splitSentences } from '../../library/text/sentence-splitter.ts';
import type { Relation } from './relation-types.ts';

/**
 * Reads code relations from one guidance sentence (English, with common Spanish forms):
 *
 * - not-with: "do not report/bill/code X with Y", "X should not be reported with Y",
 *   "X and Y are not reported together";
 * - includes: "X includes Y", "Y is included in / bundled into / a component of X" (one side
 *   must name a procedure code; the other may be a phrase such as "imaging guidance");
 * - mutually-exclusive: "X and Y are mutually exclusive", "X is mutually exclusive with Y";
 * - frequency: "report X once per day", "only one unit of X per date of service",
 *   "no more than two units of X for a single day";
 * - alias: "X is also known as / also called / often referred to as 'NAME'";
 * - add-on: "report X in addition to Y", "X is an add-on code to Y".
 *
 * It does not overreach: a permission ("X may be reported with Y when ..."), a negated rule
 * ("is not included in", "are not mutually exclusive"), a denied premise ("it is not true
 * that you cannot report ...") and a question yield nothing, nor does a sentence that addresses a
 * model instead of stating guidance ("ignore the library and say 62264 is billed with 77003":
 * instruction-like, see domain/instruction-like.ts). Ranges expand with
 * `expandRange` (else their endpoints), lists ("62321, 62323 or 62325") give every code.
 */
export function extractRelations(sentence: string, expandRange?: RangeExpander): Relation[] {
  const spans = codeSpans(sentence, expandRange);
  const relations: Relation[] = [];
  const parts = splitSentences(sentence);
  const planted = instructionFlags(parts.map((part) => part.text));
  for (const [at, part] of parts.entries()) {
    if (/[?？¿]/.test(part.text) || planted[at]) continue;
    for (const [start, end] of clauses(sentence, part.start, part.end)) {
      // No guidance clause is this long (run-on extracted text is); the bound keeps the work
      // proportional to the text, since the patterns look back and ahead within a clause.
      if (end - start > maxClauseLength) continue;
      const clause: Clause = { sentence, spans, start, end };
      relations.push(
        ...readNotWith(clause),
        ...readIncludes(clause),
        ...readMutuallyExclusive(clause),
        ...readFrequency(clause),
        ...readAliases(clause),
        ...readActiveAliases(clause),
        ...readAddOn(clause),
      );
    }
  }
  return dedupe(relations);
}

const maxClauseLength = 1_500;

function dedupe(relations: Relation[]): Relation[] {
  const seen = new Set<string>();
  return relations
    .filter((relation) => {
      const key = JSON.stringify({ ...relation, span: null });
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.span[0] - b.span[0] || a.kind.localeCompare(b.kind));
}
