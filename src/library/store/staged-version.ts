import type { Transaction } from 'kysely';
import { setImmediate } from 'node:timers/promises';
import type { Database } from '../../db/schema.ts';
import type { StoredVersion } from '../import-result.ts';
import type { LibraryContext } from '../library-context.ts';
import { discardVersion } from './document-version.ts';
import { insertDocument, markImported, type NewDocument } from './document.repository.ts';
import { deleteSomeDocumentRows } from './staged-rows.repository.ts';

/**
 * A new version on the embedded store, which has one connection: one transaction would hold it
 * for the whole import. The version is inserted marked `importing` (every read sets it aside);
 * `write` stores its rows in short transactions of its own with turns of the event loop between
 * them; the last transaction clears the mark and `finish`es the version, so readers see it
 * whole, at once. A failure or cancel deletes the version with its rows (those of the `sliced`
 * tables in slices); one left by a killed process is deleted when the store is next opened
 * (`discardUnfinishedImports`).
 */
export async function stageVersion<T>(
  ctx: Pick<LibraryContext, 'db' | 'orgId'>,
  document: NewDocument,
  write: (documentId: number) => Promise<T>,
  finish: (trx: Transaction<Database>, documentId: number, written: T) => Promise<StoredVersion>,
  sliced: readonly SlicedTable[] = [],
): Promise<StoredVersion> {
  const documentId = await insertDocument(ctx.db, { ...document, importing: true });
  try {
    const written = await write(documentId);
    return await ctx.db.transaction().execute(async (trx) => {
      await markImported(trx, documentId);
      return finish(trx, documentId, written);
    });
  } catch (error) {
    // If this fails too, the version stays marked and is deleted at the next open.
    await discardSliced(ctx, documentId, sliced)
      .then(() => discardVersion(ctx.db, ctx.orgId, documentId))
      .catch(() => undefined);
    throw error;
  }
}

type SlicedTable = 'passages' | 'code_mentions';
const DISCARD_ROWS = 5_000;

/**
 * Deletes a failed version's rows from the tables that can hold a great many of them, a slice
 * per transaction with a turn of the event loop after each: a refused 50 MB document's million
 * mentions, deleted in one transaction, held the event loop for ~1.5 s. The rows are invisible
 * all along (the version is still marked), so deleting them in parts changes no reader's view.
 */
async function discardSliced(
  ctx: Pick<LibraryContext, 'db' | 'orgId'>,
  documentId: number,
  tables: readonly SlicedTable[],
): Promise<void> {
  for (const table of tables) {
    while ((await deleteSomeDocumentRows(ctx.db, table, ctx.orgId, documentId, DISCARD_ROWS)) > 0) {
      await setImmediate();
    }
  }
}
