import type { Transaction } from 'kysely';
import { setImmediate } from 'node:timers/promises';
import type { Database } from '../db/schema.ts';
import { TimeSlice } from '../domain/time-slice.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { datasetKey, isPartialByName } from './dataset-key.ts';
import { icd10cmParsers } from './formats/icd10cm-index.ts';
import { structuredParsers } from './formats/index.ts';
import type { ImportOptions, SourceFile, StructuredKind, StructuredParse } from './import-kind.ts';
import type { ProgressListener } from './import-progress.ts';
import type { ImportCounts, StoredVersion } from './import-result.ts';
import type { LibraryContext } from './library-context.ts';
import { finishDocumentVersion } from './store/document-version.ts';
import { insertDocument, type NewDocument } from './store/document.repository.ts';
import { insertEditScope } from './store/edit-scope.repository.ts';
import { FactWriter } from './store/fact-writer.ts';
import { relieveHeap } from './store/heap-relief.ts';
import { stageVersion } from './store/staged-version.ts';
import { refreshTables } from './store/table-maintenance.repository.ts';

const MAX_DISTINCT_SKIP_REASONS = 50;
const PROGRESS_EVERY = 10_000;
const HEAP_RELIEF_EVERY = 250_000;
/** Rows per short transaction of a staged import (bench/import-responsiveness.ts). */
const STAGE_ROWS = 5_000;
/** A staged import refreshes statistics at this many rows, then at four times as many, … */
const FIRST_REFRESH_ROWS = 20_000;
/** Rows per bulk statement inside a server's single import transaction. */
const ONE_TRANSACTION_BATCH_ROWS = 50_000;
/** How often parsing looks at the clock (TimeSlice: a turn of the loop every 20 ms). */
const CLOCK_EVERY = 1_000;

function parserFor(kind: StructuredKind) {
  return kind === 'icd10cm-order' || kind === 'icd10cm-tabular'
    ? icd10cmParsers[kind]
    : structuredParsers[kind];
}

/**
 * A table (CMS release, code list): parsed rows become dated facts of one new document version,
 * which readers see all at once when it commits, never in part.
 */
export async function importTable(
  ctx: LibraryContext,
  file: SourceFile,
  kind: StructuredKind,
  options: ImportOptions,
  fileHash: string,
  onProgress: ProgressListener,
  stageRows = STAGE_ROWS,
): Promise<StoredVersion> {
  onProgress({ phase: 'parsing', done: 0, total: 0 });
  const parsed = await parserFor(kind)(file, options);
  const setting = options.setting ?? parsed.meta.setting ?? null;
  if ((kind === 'ncci-ptp' || kind === 'ncci-mue') && !setting) {
    throw new CodecardError('BAD_INPUT', {
      detail: `${file.fileName}: cannot tell whether these NCCI edits are for practitioners or hospitals; pass --setting practitioner|hospital`,
    });
  }
  const title = options.title ?? parsed.meta.title ?? file.fileName;
  const partial = options.partial ?? isPartialByName(file.fileName);
  const meta = {
    ...parsed.meta,
    setting: setting ?? undefined,
    system: options.system ?? parsed.meta.system,
  };
  const key = datasetKey(kind, meta, title, partial);
  const document: NewDocument = {
    org_id: ctx.orgId,
    partial,
    dataset_key: key,
    kind,
    title,
    publisher: parsed.meta.publisher ?? null,
    setting,
    system: meta.system ?? null,
    language: null,
    release: parsed.meta.release ?? null,
    file_name: file.fileName,
    file_hash: fileHash,
    file_size: file.bytes.length,
    effective_from: options.effective ?? parsed.meta.effectiveFrom ?? null,
  };
  const load: Load = { ctx, parsed, document, fileName: file.fileName, onProgress };
  return ctx.engine === 'pglite' ? importStaged(load, stageRows) : importInOneTransaction(load);
}

interface Load {
  ctx: LibraryContext;
  parsed: StructuredParse;
  document: NewDocument;
  fileName: string;
  onProgress: ProgressListener;
}

/**
 * A server: one transaction. MVCC lets every other connection read the library as it was
 * until the commit.
 */
function importInOneTransaction({ ctx, parsed, document, fileName, onProgress }: Load) {
  return ctx.db.transaction().execute(async (trx) => {
    const documentId = await insertDocument(trx, document);
    const writer = new FactWriter(ctx.engine, ctx.orgId, documentId);
    const counts = await storeRecords(parsed, writer, onProgress, ONE_TRANSACTION_BATCH_ROWS, () =>
      writer.flush(trx),
    );
    requireRows(counts, fileName, document.kind);
    return finishVersion(trx, document, documentId, writer, counts);
  });
}

/**
 * The embedded store: staged (`stageVersion`), rows in chunks of `stageRows`, each its own
 * short transaction followed by a turn of the event loop, so queued reads and requests run in
 * between; the last transaction also re-dates the dataset and refreshes statistics.
 */
function importStaged(
  { ctx, parsed, document, fileName, onProgress }: Load,
  stageRows: number,
): Promise<StoredVersion> {
  let refreshAt = FIRST_REFRESH_ROWS;
  return stageVersion(
    ctx,
    document,
    async (documentId) => {
      const writer = new FactWriter(ctx.engine, ctx.orgId, documentId);
      const counts = await storeRecords(parsed, writer, onProgress, stageRows, async () => {
        await ctx.db.transaction().execute(async (trx) => {
          await writer.flush(trx);
          // Readers plan against statistics of the table as it was: a PTP table that grew from
          // 30 rows to 2M looked like a few distinct codes, and cards fell to a full scan.
          if (writer.stored >= refreshAt) {
            await refreshTables(trx, writer.tables);
            refreshAt *= 4;
          }
        });
        await setImmediate();
      });
      requireRows(counts, fileName, document.kind);
      return { writer, counts };
    },
    (trx, documentId, { writer, counts }) =>
      finishVersion(trx, document, documentId, writer, counts),
  );
}

function requireRows(counts: ImportCounts, fileName: string, kind: string): void {
  if (counts.rowsStored > 0) return;
  const reasons = Object.entries(counts.skippedReasons)
    .slice(0, 3)
    .map(([r, n]) => `${r} (${n})`);
  throw new CodecardError('NOTHING_IMPORTED', {
    file: fileName,
    detail: `no usable ${kind} rows found${reasons.length ? `; skipped: ${reasons.join('; ')}` : ''}`,
  });
}

async function finishVersion(
  trx: Transaction<Database>,
  document: NewDocument,
  documentId: number,
  writer: FactWriter,
  counts: ImportCounts,
): Promise<StoredVersion> {
  await refreshTables(trx, writer.tables);
  if (document.kind === 'ncci-ptp' || document.kind === 'ncci-mue')
    await insertEditScope(trx, document.org_id, documentId, document.partial, writer.scope);
  return {
    ...counts,
    document: await finishDocumentVersion(
      trx,
      document.org_id,
      documentId,
      document.dataset_key,
      counts,
    ),
  };
}

/**
 * Reads the records and hands them to the writer, calling `writeChunk` whenever `chunkRows` are
 * waiting. Parsing is synchronous, so it also yields to the event loop whenever it has run for
 * a slice (`TimeSlice`, 20 ms) without one.
 */
async function storeRecords(
  parsed: StructuredParse,
  writer: FactWriter,
  onProgress: ProgressListener,
  chunkRows: number,
  writeChunk: () => Promise<void>,
): Promise<ImportCounts> {
  const skippedReasons: Record<string, number> = {};
  let read = 0;
  let skipped = 0;
  const slice = new TimeSlice();
  onProgress({ phase: 'storing', done: 0, total: parsed.estimatedRecords });
  for (const record of parsed.records) {
    read++;
    if (record.kind === 'skip') {
      skipped++;
      countReason(skippedReasons, record.reason);
    } else {
      writer.add(record);
    }
    if (writer.pending >= chunkRows) {
      await writeChunk();
      slice.restart();
    } else if (read % CLOCK_EVERY === 0) await slice.yieldIfSpent();
    if (read % HEAP_RELIEF_EVERY === 0) relieveHeap();
    if (read % PROGRESS_EVERY === 0) {
      onProgress({ phase: 'storing', done: read, total: Math.max(read, parsed.estimatedRecords) });
    }
  }
  if (writer.pending > 0) await writeChunk();
  onProgress({ phase: 'indexing', done: read, total: read });
  return { rowsRead: read, rowsStored: writer.stored, rowsSkipped: skipped, skippedReasons };
}

function countReason(reasons: Record<string, number>, reason: string): void {
  if (reason in reasons) reasons[reason]! += 1;
  else if (Object.keys(reasons).length < MAX_DISTINCT_SKIP_REASONS) reasons[reason] = 1;
  else reasons['other reasons'] = (reasons['other reasons'] ?? 0) + 1;
}
