import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { StoredVersion } from '../import-result.ts';
import type { LibraryContext } from '../library-context.ts';
import { discardVersion } from './document-version.ts';
import { insertDocument, markImported, type NewDocument } from './document.repository.ts';

/**
 * A new version on the embedded store, which has one connection: one transaction would hold it
 * for the whole import. The version is inserted marked `importing` (every read sets it aside);
 * `write` stores its rows in short transactions of its own with turns of the event loop between
 * them; the last transaction clears the mark and `finish`es the version, so readers see it
 * whole, at once. A failure or cancel deletes the version with its rows; one left by a killed
 * process is deleted when the store is next opened (`discardUnfinishedImports`).
 */
export async function stageVersion<T>(
  ctx: Pick<LibraryContext, 'db' | 'orgId'>,
  document: NewDocument,
  write: (documentId: number) => Promise<T>,
  finish: (trx: Transaction<Database>, documentId: number, written: T) => Promise<StoredVersion>,
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
    await discardVersion(ctx.db, ctx.orgId, documentId).catch(() => undefined);
    throw error;
  }
}
