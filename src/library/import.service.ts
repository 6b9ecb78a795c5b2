import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { detectCodeMentions, type RangeExpander } from '../codes/code-mentions.ts';
import { datasetKey, isPartialByName } from './dataset-key.ts';
import { detectKind } from './detect-kind.ts';
import { icd10cmParsers } from './formats/icd10cm-index.ts';
import { structuredParsers } from './formats/index.ts';
import {
  isStructuredKind,
  type DocumentKind,
  type ImportOptions,
  type SourceFile,
  type StructuredKind,
  type StructuredParse,
  type ParsedDocument,
} from './import-kind.ts';
import type { CodeSystem } from './formats/fact-record.ts';
import type { ProgressListener } from './import-progress.ts';
import { intakeLimits } from './intake/limits.ts';
import { detectLanguage } from './language-detect.ts';
import type { LibraryContext } from './library-context.ts';
import { documentParsers } from './parsers/index.ts';
import {
  findDocument,
  findDocumentByHash,
  insertDocument,
  recomputeDatasetPeriods,
  recordCounts,
  type DocumentRow,
} from './store/document.repository.ts';
import { FactWriter } from './store/fact-writer.ts';
import { refreshTables } from './store/table-maintenance.ts';
import { relieveHeap } from './store/heap-relief.ts';
import { knownCodesInRange } from './store/known-codes.ts';
import { writePassages, type PassageWithMentions } from './store/passage-writer.ts';

export interface ImportResult {
  status: 'imported' | 'unchanged';
  document: DocumentRow;
  rowsRead: number;
  rowsStored: number;
  rowsSkipped: number;
  skippedReasons: Record<string, number>;
  durationMs: number;
}

const MAX_DISTINCT_SKIP_REASONS = 50;
const PROGRESS_EVERY = 10_000;
const HEAP_RELIEF_EVERY = 250_000;

/**
 * Imports one file as one document version, all or nothing: everything is written in a single
 * transaction, so a failure or a killed process leaves the library exactly as it was. The same
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
  const fileHash = createHash('sha256').update(file.bytes).digest('hex');
  const existing = await findDocumentByHash(ctx.db, ctx.orgId, fileHash);
  if (existing) {
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
  onProgress({ phase: 'detecting', done: 0, total: 0 });
  const kind = await detectKind(file, options.kind);
  const stored = isStructuredKind(kind)
    ? await importTable(ctx, file, kind, options, fileHash, onProgress)
    : await importDocument(ctx, file, kind, options, fileHash, onProgress);
  onProgress({ phase: 'done', done: stored.rowsRead, total: stored.rowsRead });
  return { ...stored, status: 'imported', durationMs: performance.now() - started };
}

type Counts = Pick<ImportResult, 'rowsRead' | 'rowsStored' | 'rowsSkipped' | 'skippedReasons'>;
type Stored = Counts & { document: DocumentRow };

function parserFor(kind: StructuredKind) {
  return kind === 'icd10cm-order' || kind === 'icd10cm-tabular'
    ? icd10cmParsers[kind]
    : structuredParsers[kind];
}

async function importTable(
  ctx: LibraryContext,
  file: SourceFile,
  kind: StructuredKind,
  options: ImportOptions,
  fileHash: string,
  onProgress: ProgressListener,
): Promise<Stored> {
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
  return ctx.db.transaction().execute(async (trx) => {
    const documentId = await insertDocument(trx, {
      org_id: ctx.orgId,
      partial,
      dataset_key: datasetKey(kind, meta, title, partial),
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
    const key = datasetKey(kind, meta, title, partial);
    return { ...counts, document: await finishDocument(trx, ctx, documentId, key, counts) };
  });
}

async function storeRecords(
  ctx: LibraryContext,
  trx: Transaction<Database>,
  documentId: number,
  parsed: StructuredParse,
  onProgress: ProgressListener,
): Promise<Counts> {
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

async function importDocument(
  ctx: LibraryContext,
  file: SourceFile,
  kind: DocumentKind,
  options: ImportOptions,
  fileHash: string,
  onProgress: ProgressListener,
): Promise<Stored> {
  onProgress({ phase: 'parsing', done: 0, total: 0 });
  const parsed = await documentParsers[kind](file);
  if (parsed.passages.length === 0) {
    throw new CodecardError('NOTHING_IMPORTED', {
      file: file.fileName,
      detail: 'the document holds no text to cite (a scanned PDF needs OCR first)',
    });
  }
  const language = detectLanguage(
    parsed.passages
      .slice(0, 50)
      .map((p) => p.text)
      .join('\n'),
  );
  const passages = await withMentions(
    ctx,
    parsed.passages.map((draft) => draft.text),
    parsed.passages,
  );
  const title = options.title ?? parsed.title ?? file.fileName;
  const partial = options.partial ?? isPartialByName(file.fileName);
  const key = datasetKey(kind, {}, title, partial);
  return ctx.db.transaction().execute(async (trx) => {
    const documentId = await insertDocument(trx, {
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
    });
    onProgress({ phase: 'storing', done: 0, total: passages.length });
    await writePassages(trx, ctx.engine, ctx.orgId, documentId, language, passages);
    await refreshTables(trx, ['passages', 'code_mentions']);
    const counts: Counts = {
      rowsRead: passages.length,
      rowsStored: passages.length,
      rowsSkipped: 0,
      skippedReasons: {},
    };
    return { ...counts, document: await finishDocument(trx, ctx, documentId, key, counts) };
  });
}

/**
 * Code mentions per passage. Ranges ("62321-62327") expand to the codes the library knows, so
 * the library is read once for every range first, then the passages are scanned again.
 */
async function withMentions(
  ctx: LibraryContext,
  texts: string[],
  drafts: ParsedDocument['passages'],
): Promise<PassageWithMentions[]> {
  const ranges = new Map<string, string[]>();
  const rangeKey = (system: string, from: string, to: string) => `${system}|${from}|${to}`;
  const collect: RangeExpander = (system, from, to) => {
    ranges.set(rangeKey(system, from, to), []);
    return [];
  };
  for (const text of texts) detectCodeMentions(text, collect);
  for (const key of ranges.keys()) {
    const [system, from, to] = key.split('|') as [CodeSystem, string, string];
    ranges.set(key, await knownCodesInRange(ctx.db, ctx.orgId, system, from, to));
  }
  const expand: RangeExpander = (system, from, to) => ranges.get(rangeKey(system, from, to)) ?? [];
  return drafts.map((draft) => ({ draft, mentions: detectCodeMentions(draft.text, expand) }));
}

async function finishDocument(
  trx: Transaction<Database>,
  ctx: LibraryContext,
  documentId: number,
  key: string,
  counts: Counts,
): Promise<DocumentRow> {
  await recordCounts(trx, documentId, {
    read: counts.rowsRead,
    stored: counts.rowsStored,
    skipped: counts.rowsSkipped,
    skippedReasons: counts.skippedReasons,
  });
  await recomputeDatasetPeriods(trx, ctx.orgId, key);
  const document = await findDocument(trx, ctx.orgId, documentId);
  if (!document) throw new CodecardError('DATABASE', { detail: `document ${documentId} vanished` });
  return document;
}

function countReason(reasons: Record<string, number>, reason: string): void {
  if (reason in reasons) reasons[reason]! += 1;
  else if (Object.keys(reasons).length < MAX_DISTINCT_SKIP_REASONS) reasons[reason] = 1;
  else reasons['other reasons'] = (reasons['other reasons'] ?? 0) + 1;
}
