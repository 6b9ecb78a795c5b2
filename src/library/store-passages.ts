import type { Transaction } from 'kysely';
import { setImmediate } from 'node:timers/promises';
import type { Database } from '../db/schema.ts';
import type { LocaleCode } from '../domain/locale.ts';
import { detectCodeMentions, type RangeExpander } from './code-mentions.ts';
import type { PassageDraft } from './import-kind.ts';
import type { ProgressListener } from './import-progress.ts';
import type { LibraryContext } from './library-context.ts';
import { checkMentionCount } from './parsers/work-limits.ts';
import { writePassages, type PassageWithMentions } from './store/passage-writer.ts';
import { TimeSlice } from '../domain/time-slice.ts';

/** A parsed prose document on its way into the store. */
export interface PassageLoad {
  ctx: LibraryContext;
  fileName: string;
  passages: readonly PassageDraft[];
  expand: RangeExpander;
  language: LocaleCode;
  onProgress: ProgressListener;
  signal?: AbortSignal | undefined;
  /** Code mentions the document may have (limit maxMentions). */
  maxMentions: number;
  /** Passages detected and written together (one short transaction each on PGlite). */
  batchPassages: number;
}

/**
 * Runs one batch's writes (which return the number of mentions written): in a short
 * transaction of its own, or in the import's one.
 */
export type BatchWrite = (write: (trx: Transaction<Database>) => Promise<number>) => Promise<void>;

/**
 * Detects the code mentions of a batch of passages and writes them, batch by batch, so only one
 * batch's mentions are ever held. Detection looks at the clock after every passage and yields
 * once it has run `SLICE_MS`; every write is followed by a turn of the event loop; the cancel
 * signal is honoured between batches. Over `maxMentions` the document is refused
 * (DOCUMENT_TOO_COMPLEX) before that batch is written. Returns the number of mentions.
 */
export async function storePassages(
  load: PassageLoad,
  documentId: number,
  inStore: BatchWrite,
): Promise<number> {
  const { ctx, passages, batchPassages, onProgress } = load;
  const slice = new TimeSlice();
  let mentions = 0;
  onProgress({ phase: 'storing', done: 0, total: passages.length });
  for (let start = 0; start < passages.length; start += batchPassages) {
    load.signal?.throwIfAborted();
    const batch: PassageWithMentions[] = [];
    for (const draft of passages.slice(start, start + batchPassages)) {
      const found = detectCodeMentions(draft.text, load.expand);
      mentions += found.length;
      checkMentionCount(load.fileName, mentions, load.maxMentions);
      batch.push({ draft, mentions: found });
      await slice.yieldIfSpent();
    }
    await inStore((trx) =>
      writePassages(trx, ctx.engine, ctx.orgId, documentId, load.language, batch, start + 1),
    );
    await setImmediate();
    slice.restart();
    const done = Math.min(passages.length, start + batchPassages);
    onProgress({ phase: 'storing', done, total: passages.length });
  }
  return mentions;
}
