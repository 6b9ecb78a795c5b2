import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { datasetKey, isPartialByName } from './dataset-key.ts';
import { icd10cmParsers } from './formats/icd10cm-index.ts';
import { structuredParsers } from './formats/index.ts';
import type { ImportOptions, SourceFile, StructuredKind, StructuredParse } from './import-kind.ts';
import type { ProgressListener } from './import-progress.ts';
import type { ImportCounts, StoredVersion } from './import-result.ts';
import type { LibraryContext } from './library-context.ts';
import { finishDocumentVersion } from './store/document-version.ts';
import { insertDocument } from './store/document.repository.ts';
import { FactWriter } from './store/fact-writer.ts';
import { relieveHeap } from './store/heap-relief.ts';
import { refreshTables } from './store/table-maintenance.repository.ts';

const MAX_DISTINCT_SKIP_REASONS = 50;
const PROGRESS_EVERY = 10_000;
const HEAP_RELIEF_EVERY = 250_000;

function parserFor(kind: StructuredKind) {
  return kind === 'icd10cm-order' || kind === 'icd10cm-tabular'
    ? icd10cmParsers[kind]
    : structuredParsers[kind];
}

/** A table (CMS release, code list): parsed rows become dated facts in one transaction. */
export async function importTable(
  ctx: LibraryContext,
  file: SourceFile,
  kind: StructuredKind,
  options: ImportOptions,
  fileHash: string,
  onProgress: ProgressListener,
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
  return ctx.db.transaction().execute(async (trx) => {
    const documentId = await insertDocument(trx, {
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
    });
    const counts = await storeRecords(ctx, trx, documentId, parsed, onProgress);
    if (counts.rowsStored === 0) {
      const reasons = Object.entries(counts.skippedReasons)
        .slice(0, 3)
        .map(([r, n]) => `${r} (${n})`);
      throw new CodecardError('NOTHING_IMPORTED', {
        file: file.fileName,
        detail: `no usable ${kind} rows found${reasons.length ? `; skipped: ${reasons.join('; ')}` : ''}`,
      });
    }
    return {
      ...counts,
      document: await finishDocumentVersion(trx, ctx.orgId, documentId, key, counts),
    };
  });
}

async function storeRecords(
  ctx: LibraryContext,
  trx: Transaction<Database>,
  documentId: number,
  parsed: StructuredParse,
  onProgress: ProgressListener,
): Promise<ImportCounts> {
  const writer = new FactWriter(trx, ctx.engine, ctx.orgId, documentId, parsed.estimatedRecords);
  const skippedReasons: Record<string, number> = {};
  let read = 0;
  let skipped = 0;
  onProgress({ phase: 'storing', done: 0, total: parsed.estimatedRecords });
  for (const record of parsed.records) {
    read++;
    if (record.kind === 'skip') {
      skipped++;
      countReason(skippedReasons, record.reason);
    } else {
      await writer.add(record);
    }
    if (read % HEAP_RELIEF_EVERY === 0) relieveHeap();
    if (read % PROGRESS_EVERY === 0) {
      onProgress({ phase: 'storing', done: read, total: Math.max(read, parsed.estimatedRecords) });
    }
  }
  onProgress({ phase: 'indexing', done: read, total: read });
  await writer.finish();
  await refreshTables(trx, writer.tables);
  return { rowsRead: read, rowsStored: writer.stored, rowsSkipped: skipped, skippedReasons };
}

function countReason(reasons: Record<string, number>, reason: string): void {
  if (reason in reasons) reasons[reason]! += 1;
  else if (Object.keys(reasons).length < MAX_DISTINCT_SKIP_REASONS) reasons[reason] = 1;
  else reasons['other reasons'] = (reasons['other reasons'] ?? 0) + 1;
}
