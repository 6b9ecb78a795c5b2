import { extractRelations } from '../../cards/relation-extraction.ts';
import { rangeExpanderFor } from '../../library/store/range-expander.ts';
import type { AnswerInput } from './answer-input.ts';
import type { Citation } from '../../domain/citation.ts';
import { passageCitation } from '../../library/citations.ts';
import { findPassagesNamingBoth } from './prose-bars.repository.ts';

/**
 * Guidance sentences that bar two codes together ("do not report 77003 with 62264", "62263 and
 * 62264 are mutually exclusive"), from passages in force that mention both codes.
 */
export async function proseBars(input: AnswerInput, a: string, b: string): Promise<Citation[]> {
  const { ctx, dos, setting } = input;
  const rows = await findPassagesNamingBoth(ctx, dos, setting, a, b);
  if (rows.length === 0) return [];
  const expand = await rangeExpanderFor(
    ctx,
    rows.map((r) => r.text),
  );
  const citations: Citation[] = [];
  for (const passage of rows) {
    for (const relation of extractRelations(passage.text, expand)) {
      if (relation.kind !== 'not-with' && relation.kind !== 'mutually-exclusive') continue;
      const joins =
        (relation.subject.includes(a) && relation.objects.includes(b)) ||
        (relation.subject.includes(b) && relation.objects.includes(a));
      if (joins) citations.push(passageCitation(passage, relation.span[0], relation.span[1]));
    }
  }
  return citations.slice(0, 3);
}
