import { findRangeMentions, type RangeExpander } from '../code-mentions.ts';
import type { LibraryContext } from '../library-context.ts';
import { TimeSlice } from '../../domain/time-slice.ts';
import { knownCodesInRange } from './known-codes.repository.ts';
import type { CodeSystem } from '../../domain/code-system.ts';

const rangeKey = (system: string, from: string, to: string) => `${system}|${from}|${to}`;

/**
 * Code mention detection is synchronous, the library is not: every range in the texts
 * ("62321-62327") is looked up once first, and the returned expander answers from that cache.
 * A large document's texts are scanned (and its ranges looked up) in slices with turns of the
 * event loop between them: a 20 MB one took 1 s in one task.
 */
export async function rangeExpanderFor(
  ctx: LibraryContext,
  texts: readonly string[],
): Promise<RangeExpander> {
  const ranges = new Map<string, string[]>();
  const collect: RangeExpander = (system, from, to) => {
    ranges.set(rangeKey(system, from, to), []);
    return [];
  };
  const slice = new TimeSlice();
  for (const text of texts) {
    findRangeMentions(text, collect);
    await slice.yieldIfSpent();
  }
  for (const key of ranges.keys()) {
    const [system, from, to] = key.split('|') as [CodeSystem, string, string];
    ranges.set(key, await knownCodesInRange(ctx.db, ctx.orgId, system, from, to));
    await slice.yieldIfSpent();
  }
  return (system, from, to) => ranges.get(rangeKey(system, from, to)) ?? [];
}
