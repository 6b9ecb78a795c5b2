import type { Transaction } from 'kysely';
import { setImmediate } from 'node:timers/promises';
import type { Database } from '../db/schema.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { datasetKey, isPartialByName } from './dataset-key.ts';
import type { DocumentKind, ImportOptions, SourceFile } from './import-kind.ts';
import type { ProgressListener } from './import-progress.ts';
import type { ImportCounts, StoredVersion } from './import-result.ts';
import { documentLimits } from './intake/limits.ts';
import { detectLanguage } from './language-detect.ts';
import type { LibraryContext } from './library-context.ts';
import { documentParsers } from './parsers/index.ts';
import { storePassages, type PassageLoad } from './store-passages.ts';
import { insertDocumentFile } from './store/document-file.repository.ts';
import { finishDocumentVersion } from './store/document-version.ts';
import { insertDocument, type NewDocument } from './store/document.repository.ts';
import { rangeExpanderFor } from './store/range-expander.ts';
import { stageVersion } from './store/staged-version.ts';
import { refreshTables } from './store/table-maintenance.repository.ts';

/** What the original file is, for the source viewer that shows it again. */
const contentTypes: Record<DocumentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  markdown: 'text/markdown',
  text: 'text/plain',
};

/** Passages per batch: ~50-100 ms of writes on PGlite for dense prose (3,000 mentions). */
const BATCH_PASSAGES = 500;
const PROSE_TABLES: (keyof Database)[] = ['passages', 'code_mentions'];
/** A staged import refreshes statistics at this many mentions, then at four times as many, … */
const FIRST_REFRESH_MENTIONS = 20_000;

/** Limits of one prose import (tests lower them). */
export interface ProseImportLimits {
  maxMentions: number;
  batchPassages: number;
}

const proseImportLimits: ProseImportLimits = {
  maxMentions: documentLimits.maxMentions,
  batchPassages: BATCH_PASSAGES,
};

/**
 * A prose document: passages with code mentions and its original bytes, as one new version
 * readers see whole or not at all (staged on the embedded store, one transaction on a server).
 */
export async function importDocument(
  ctx: LibraryContext,
  file: SourceFile,
  kind: DocumentKind,
  options: ImportOptions,
  fileHash: string,
  onProgress: ProgressListener,
  limits: ProseImportLimits = proseImportLimits,
): Promise<StoredVersion> {
  onProgress({ phase: 'parsing', done: 0, total: 0 });
  const parsed = await documentParsers[kind](file, { signal: options.signal });
  if (parsed.passages.length === 0) {
    throw new CodecardError('NOTHING_IMPORTED', {
      file: file.fileName,
      detail: 'the document holds no text to cite (a scanned PDF needs OCR first)',
    });
  }
  // Samples at most 20,000 characters: a few ms however large the document.
  const language = detectLanguage(
    parsed.passages
      .slice(0, 50)
      .map((p) => p.text)
      .join('\n'),
  );
  const expand = await rangeExpanderFor(
    ctx,
    parsed.passages.map((p) => p.text),
  );
  const title = options.title ?? parsed.title ?? file.fileName;
  const partial = options.partial ?? isPartialByName(file.fileName);
  const key = datasetKey(kind, {}, title, partial);
  const document: NewDocument = {
    org_id: ctx.orgId,
    partial,
    dataset_key: key,
    kind,
    title,
    publisher: null,
    setting: options.setting ?? null,
    system: null,
    language,
    release: null,
    file_name: file.fileName,
    file_hash: fileHash,
    file_size: file.bytes.length,
    effective_from: options.effective ?? null,
  };
  const load: ProseLoad = {
    ctx,
    file,
    kind,
    document,
    fileName: file.fileName,
    passages: parsed.passages,
    expand,
    language,
    onProgress,
    signal: options.signal,
    ...limits,
  };
  return ctx.engine === 'pglite' ? importStaged(load) : importInOneTransaction(load);
}

interface ProseLoad extends PassageLoad {
  file: SourceFile;
  kind: DocumentKind;
  document: NewDocument;
}

/**
 * A server: one transaction (MVCC lets other connections read the library as it was until the
 * commit), still with turns of the event loop between batches of passages.
 */
function importInOneTransaction(load: ProseLoad): Promise<StoredVersion> {
  return load.ctx.db.transaction().execute(async (trx) => {
    const documentId = await insertDocument(trx, load.document);
    await storePassages(load, documentId, async (write) => {
      await write(trx);
    });
    await storeFile(load, trx, documentId);
    await setImmediate();
    await refreshTables(trx, PROSE_TABLES);
    return finishProse(load, trx, documentId);
  });
}

/**
 * The embedded store: staged like a table (`stageVersion`), each batch of passages in a short
 * transaction of its own, statistics refreshed as the tables grow; the original bytes and the
 * final statistics get a transaction each (a 20 MB file takes ~0.7 s to store), so the last
 * one only clears the mark and records the counts.
 */
function importStaged(load: ProseLoad): Promise<StoredVersion> {
  const { ctx } = load;
  let mentions = 0;
  let refreshAt = FIRST_REFRESH_MENTIONS;
  const inOwnTransaction = async (write: (trx: Transaction<Database>) => Promise<unknown>) => {
    await ctx.db.transaction().execute(write);
    await setImmediate();
  };
  return stageVersion(
    ctx,
    load.document,
    async (documentId) => {
      await storePassages(load, documentId, (write) =>
        inOwnTransaction(async (trx) => {
          mentions += await write(trx);
          // Cards find passages through code mentions between batches: plans from statistics
          // of an emptier table would scan it. Passages' GIN lists wait for the end (cleaning
          // them mid-way held the loop ~0.5 s).
          if (mentions >= refreshAt) {
            await refreshTables(trx, ['code_mentions']);
            refreshAt *= 4;
          }
        }),
      );
      await inOwnTransaction((trx) => storeFile(load, trx, documentId));
      await inOwnTransaction((trx) => refreshTables(trx, PROSE_TABLES));
    },
    (trx, documentId) => finishProse(load, trx, documentId),
    ['code_mentions', 'passages'],
  );
}

/** The original bytes, for the source viewer. */
function storeFile(load: ProseLoad, trx: Transaction<Database>, documentId: number) {
  return insertDocumentFile(trx, load.ctx.engine, {
    org_id: load.ctx.orgId,
    document_id: documentId,
    content_type: contentTypes[load.kind],
    bytes: load.file.bytes,
  });
}

/** The version's counts, and its dataset re-dated. */
async function finishProse(
  load: ProseLoad,
  trx: Transaction<Database>,
  documentId: number,
): Promise<StoredVersion> {
  const counts: ImportCounts = {
    rowsRead: load.passages.length,
    rowsStored: load.passages.length,
    rowsSkipped: 0,
    skippedReasons: {},
  };
  return {
    ...counts,
    document: await finishDocumentVersion(
      trx,
      load.ctx.orgId,
      documentId,
      load.document.dataset_key,
      counts,
    ),
  };
}
