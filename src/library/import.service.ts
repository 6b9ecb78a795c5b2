import { dbFaultError } from '../db/db-fault.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { detectKind } from './detect-kind.ts';
import { importDocument } from './import-document.ts';
import { isStructuredKind, type ImportOptions, type SourceFile } from './import-kind.ts';
import type { ProgressListener } from './import-progress.ts';
import type { ImportResult, StoredVersion } from './import-result.ts';
import { importTable } from './import-table.ts';
import { intakeLimits } from './intake/limits.ts';
import { sha256Of } from './intake/sha256-of.ts';
import { recordEvent, type LibraryContext } from './library-context.ts';
import { findDocumentByHash } from './store/document.repository.ts';

/**
 * Imports one file as one document version, all or nothing: readers see it once it commits, and
 * a failure or a killed process leaves the library exactly as it was (import-table.ts). The same
 * bytes imported again are a no-op.
 */
export async function importFile(
  ctx: LibraryContext,
  file: SourceFile,
  options: ImportOptions = {},
  onProgress: ProgressListener = () => {},
): Promise<ImportResult> {
  const started = performance.now();
  if (file.bytes.length === 0) throw new CodecardError('EMPTY_FILE', { file: file.fileName });
  if (file.bytes.length > intakeLimits.maxFileBytes) {
    throw new CodecardError('FILE_TOO_LARGE', {
      file: file.fileName,
      size: file.bytes.length,
      limit: intakeLimits.maxFileBytes,
    });
  }
  const fileHash = file.sha256 ?? (await sha256Of(file.bytes));
  const unchanged = await findUnchanged(ctx, fileHash, started);
  if (unchanged) return unchanged;
  onProgress({ phase: 'detecting', done: 0, total: 0 });
  const kind = await detectKind(file, options.kind);
  let stored: StoredVersion;
  try {
    stored = isStructuredKind(kind)
      ? await importTable(ctx, file, kind, options, fileHash, onProgress)
      : await importDocument(ctx, file, kind, options, fileHash, onProgress);
  } catch (error) {
    // The transaction has rolled back; a full disk or a lost database is said as such.
    throw dbFaultError(error, file.fileName) ?? error;
  }
  onProgress({ phase: 'done', done: stored.rowsRead, total: stored.rowsRead });
  const durationMs = performance.now() - started;
  recordEvent(ctx, {
    type: 'import',
    data: { kind, rowsStored: stored.rowsStored, durationMs: Math.round(durationMs) },
  });
  return { ...stored, status: 'imported', durationMs };
}

/**
 * The result of importing bytes with this SHA-256 again (a no-op), if the organization already
 * has them; an upload's hash is known before its bytes are read back.
 */
export async function findUnchanged(
  ctx: LibraryContext,
  fileHash: string,
  started: number = performance.now(),
): Promise<ImportResult | null> {
  const existing = await findDocumentByHash(ctx.db, ctx.orgId, fileHash);
  if (!existing) return null;
  return {
    status: 'unchanged',
    document: existing,
    rowsRead: existing.rows_read,
    rowsStored: existing.rows_stored,
    rowsSkipped: existing.rows_skipped,
    skippedReasons: existing.skipped_reasons,
    durationMs: performance.now() - started,
  };
}
