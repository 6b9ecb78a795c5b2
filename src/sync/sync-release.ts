import { basename } from 'node:path';
import { REFERENCE_ORG } from '../domain/reference-org.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { importFile } from '../library/import.service.ts';
import type { ImportOptions } from '../library/import-kind.ts';
import { forOrg, type LibraryContext } from '../library/library-context.ts';
import { sha256Of } from '../library/intake/sha256-of.ts';
import { download, type DownloadLimits } from './download.ts';
import { PartialDownload } from './partial-download.ts';
import type { MirrorEntry } from './mirror-entry.ts';
import {
  heldDocumentForDownload,
  insertSyncRecord,
  lastDownload,
  type SyncRecord,
  type SyncResult,
  type SyncStep,
} from './release-sync.repository.ts';
import { verifyRelease } from './verify-release.ts';

export type SyncPhase = 'downloading' | 'verifying' | 'importing';

export interface SyncProgress {
  dataset: string;
  phase: SyncPhase;
  /** Bytes downloaded or rows imported so far, and their expected total (0: unknown). */
  done: number;
  total: number;
}

/** What one dataset's check came to. */
export interface DatasetSyncOutcome {
  dataset: string;
  kind: string;
  result: SyncResult;
  /** The step that failed, and why. */
  failedStep?: SyncStep;
  message?: string;
  documentId?: number;
  release?: string;
  effective?: string;
  /** Times the download resumed after a dropped connection. */
  resumes: number;
}

export interface SyncEntryOptions {
  limits: DownloadLimits;
  /** Where unfinished downloads are kept so the next run resumes them (none: start over). */
  partialDir?: string | null;
  now?: () => Date;
  onProgress?: (progress: SyncProgress) => void;
  signal?: AbortSignal;
}

/**
 * Checks one mirror entry into the instance-wide reference data: download, verify, import as a
 * new version beside the older ones, and record the check whatever came of it. A file already
 * held (same download hash, or the same file bytes) imports nothing. A failure at any step
 * leaves the library as it was (the import is atomic) and is recorded with its step and reason.
 */
export async function syncEntry(
  base: LibraryContext,
  entry: MirrorEntry,
  options: SyncEntryOptions,
): Promise<DatasetSyncOutcome> {
  const ctx = forOrg(base, REFERENCE_ORG);
  const now = options.now ?? (() => new Date());
  const report = options.onProgress ?? (() => {});
  const record = (fields: Pick<SyncRecord, 'result'> & Partial<SyncRecord>): Promise<void> =>
    insertSyncRecord(ctx.db, {
      orgId: ctx.orgId,
      datasetId: entry.dataset,
      kind: entry.kind,
      failedStep: null,
      message: null,
      sourceUrl: entry.url,
      sourceValidator: null,
      releaseLabel: entry.release ?? null,
      publishedOn: entry.published ?? null,
      effectiveOn: entry.effective ?? null,
      fileHash: null,
      documentId: null,
      checkedAt: now(),
      ...fields,
    });
  const outcome: DatasetSyncOutcome = {
    dataset: entry.dataset,
    kind: entry.kind,
    result: 'failed',
    resumes: 0,
    ...(entry.release ? { release: entry.release } : {}),
    ...(entry.effective ? { effective: entry.effective } : {}),
  };
  let step: SyncStep = 'download';
  try {
    // A declared hash already synced: nothing to fetch.
    const declared = entry.sha256
      ? await heldDocumentForDownload(ctx.db, ctx.orgId, entry.sha256)
      : null;
    if (declared !== null) {
      await record({ result: 'up-to-date', fileHash: entry.sha256 ?? null, documentId: declared });
      return { ...outcome, result: 'up-to-date', documentId: declared };
    }
    report({ dataset: entry.dataset, phase: 'downloading', done: 0, total: entry.size ?? 0 });
    // The copy the last check got from this URL: the server is asked whether it changed since.
    const last = await lastDownload(ctx.db, ctx.orgId, entry.dataset, entry.url);
    const fetched = await download(entry.url, options.limits, {
      onProgress: (done, total) =>
        report({
          dataset: entry.dataset,
          phase: 'downloading',
          done,
          total: total || entry.size || 0,
        }),
      ...(options.signal ? { signal: options.signal } : {}),
      partial: options.partialDir ? new PartialDownload(options.partialDir, entry.url) : null,
      ifChangedSince: last?.validator ?? null,
    });
    outcome.resumes = fetched.resumes;
    const sourceValidator = fetched.validator;
    if (fetched.notModified && last) {
      await record({ result: 'up-to-date', sourceValidator, documentId: last.documentId });
      return { ...outcome, result: 'up-to-date', documentId: last.documentId };
    }
    const fileHash = await sha256Of(fetched.bytes);
    const held = await heldDocumentForDownload(ctx.db, ctx.orgId, fileHash);
    if (held !== null) {
      await record({ result: 'up-to-date', fileHash, sourceValidator, documentId: held });
      return { ...outcome, result: 'up-to-date', documentId: held };
    }
    step = 'verify';
    report({ dataset: entry.dataset, phase: 'verifying', done: 0, total: 0 });
    const file = await verifyRelease(entry, fileNameOf(entry.url), fetched.bytes, fileHash);
    step = 'import';
    const result = await importFile(ctx, file, importOptionsOf(entry, options.signal), (p) => {
      options.signal?.throwIfAborted();
      report({ dataset: entry.dataset, phase: 'importing', done: p.done, total: p.total });
    });
    const status: SyncResult = result.status === 'imported' ? 'imported' : 'up-to-date';
    await record({ result: status, fileHash, sourceValidator, documentId: result.document.id });
    return {
      ...outcome,
      result: status,
      documentId: result.document.id,
      ...(result.document.release && !entry.release ? { release: result.document.release } : {}),
    };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    await record({ result: 'failed', failedStep: step, message });
    return { ...outcome, failedStep: step, message };
  }
}

function importOptionsOf(entry: MirrorEntry, signal: AbortSignal | undefined): ImportOptions {
  return {
    kind: entry.kind,
    ...(entry.setting ? { setting: entry.setting } : {}),
    ...(entry.partial !== undefined ? { partial: entry.partial } : {}),
    ...(entry.effective ? { effective: entry.effective } : {}),
    ...(signal ? { signal } : {}),
  };
}

function fileNameOf(url: string): string {
  const name = decodeURIComponent(basename(new URL(url).pathname));
  if (!name) throw new CodecardError('BAD_INPUT', { detail: `${url} names no file` });
  return name;
}
