import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { CodecardError } from '../../errors/codecard-error.ts';
import type { ImportCounts } from '../import-result.ts';
import {
  deleteDocumentRows,
  findDocument,
  recomputeDatasetPeriods,
  recordCounts,
  type DocumentRow,
} from './document.repository.ts';

/** Records a new version's counts, re-dates its dataset's versions, and reads it back. */
export async function finishDocumentVersion(
  trx: Transaction<Database>,
  orgId: string,
  documentId: number,
  key: string,
  counts: ImportCounts,
): Promise<DocumentRow> {
  await recordCounts(trx, documentId, {
    read: counts.rowsRead,
    stored: counts.rowsStored,
    skipped: counts.rowsSkipped,
    skippedReasons: counts.skippedReasons,
  });
  await recomputeDatasetPeriods(trx, orgId, key);
  const document = await findDocument(trx, orgId, documentId);
  if (!document) throw new CodecardError('DATABASE', { detail: `document ${documentId} vanished` });
  return document;
}

/** Deletes a version that did not finish importing, with every row it wrote. */
export async function discardVersion(
  db: Kysely<Database>,
  orgId: string,
  documentId: number,
): Promise<void> {
  await db.transaction().execute((trx) => deleteDocumentRows(trx, orgId, documentId));
}
