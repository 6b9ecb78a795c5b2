import { CodecardError } from '../errors/codecard-error.ts';
import { REFERENCE_ORG } from '../domain/reference-org.ts';
import type { LibraryContext } from './library-context.ts';
import { documentRowTables } from './store/fact-tables.ts';
import { refreshTables } from './store/table-maintenance.repository.ts';
import {
  deleteDocumentRows,
  findDocument,
  findReadableDocument,
  listReadableDocuments,
  recomputeDatasetPeriods,
  type DocumentRow,
} from './store/document.repository.ts';

export interface DocumentSummary {
  id: number;
  title: string;
  kind: string;
  partial: boolean;
  setting: string | null;
  system: string | null;
  language: string | null;
  release: string | null;
  publisher: string | null;
  fileName: string;
  fileHash: string;
  fileSize: number;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  importedAt: string;
  rowsRead: number;
  rowsStored: number;
  rowsSkipped: number;
  skippedReasons: Record<string, number>;
  /** Instance-wide reference data, read by every organization (set only when true). */
  shared?: boolean;
}

export function summarize(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    partial: row.partial,
    setting: row.setting,
    system: row.system,
    language: row.language,
    release: row.release,
    publisher: row.publisher,
    fileName: row.file_name,
    fileHash: row.file_hash,
    fileSize: row.file_size,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    importedAt: new Date(row.imported_at).toISOString(),
    rowsRead: row.rows_read,
    rowsStored: row.rows_stored,
    rowsSkipped: row.rows_skipped,
    skippedReasons: row.skipped_reasons,
    ...(row.org_id === REFERENCE_ORG ? { shared: true } : {}),
  };
}

export async function listLibrary(ctx: LibraryContext): Promise<DocumentSummary[]> {
  return (await listReadableDocuments(ctx.db, ctx.orgId)).map(summarize);
}

export async function getDocumentSummary(
  ctx: LibraryContext,
  id: number,
): Promise<DocumentSummary> {
  const row = await findReadableDocument(ctx.db, ctx.orgId, id);
  if (!row) throw new CodecardError('NOT_FOUND', { detail: `the library has no document ${id}` });
  return summarize(row);
}

/** Removes a document version with all its facts and passages; older versions take over. */
export async function removeDocument(ctx: LibraryContext, id: number): Promise<DocumentSummary> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findDocument(trx, ctx.orgId, id);
    if (!row) throw new CodecardError('NOT_FOUND', { detail: `the library has no document ${id}` });
    await deleteDocumentRows(trx, ctx.orgId, id);
    await recomputeDatasetPeriods(trx, ctx.orgId, row.dataset_key);
    await refreshTables(trx, documentRowTables);
    return summarize(row);
  });
}
