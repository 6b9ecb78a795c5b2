import { CodecardError } from '../errors/codecard-error.ts';
import { detectCodeMentions } from './code-mentions.ts';
import { datasetKey, isPartialByName } from './dataset-key.ts';
import type { DocumentKind, ImportOptions, ParsedDocument, SourceFile } from './import-kind.ts';
import type { ProgressListener } from './import-progress.ts';
import type { ImportCounts, StoredVersion } from './import-result.ts';
import { detectLanguage } from './language-detect.ts';
import type { LibraryContext } from './library-context.ts';
import { documentParsers } from './parsers/index.ts';
import { insertDocumentFile } from './store/document-file.repository.ts';
import { finishDocumentVersion } from './store/document-version.ts';
import { insertDocument } from './store/document.repository.ts';
import { rangeExpanderFor } from './store/range-expander.ts';
import { writePassages, type PassageWithMentions } from './store/passage-writer.ts';
import { refreshTables } from './store/table-maintenance.repository.ts';

/** What the original file is, for the source viewer that shows it again. */
const contentTypes: Record<DocumentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  markdown: 'text/markdown',
  text: 'text/plain',
};

/** A prose document: passages with code mentions and its original bytes, in one transaction. */
export async function importDocument(
  ctx: LibraryContext,
  file: SourceFile,
  kind: DocumentKind,
  options: ImportOptions,
  fileHash: string,
  onProgress: ProgressListener,
): Promise<StoredVersion> {
  onProgress({ phase: 'parsing', done: 0, total: 0 });
  const parsed = await documentParsers[kind](file, { signal: options.signal });
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
  const passages = await withMentions(ctx, parsed.passages);
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
    await insertDocumentFile(trx, {
      org_id: ctx.orgId,
      document_id: documentId,
      content_type: contentTypes[kind],
      bytes: file.bytes,
    });
    onProgress({ phase: 'storing', done: 0, total: passages.length });
    await writePassages(trx, ctx.engine, ctx.orgId, documentId, language, passages);
    await refreshTables(trx, ['passages', 'code_mentions']);
    const counts: ImportCounts = {
      rowsRead: passages.length,
      rowsStored: passages.length,
      rowsSkipped: 0,
      skippedReasons: {},
    };
    return {
      ...counts,
      document: await finishDocumentVersion(trx, ctx.orgId, documentId, key, counts),
    };
  });
}

/** Code mentions per passage, with ranges expanded against the codes the library knows. */
async function withMentions(
  ctx: LibraryContext,
  drafts: ParsedDocument['passages'],
): Promise<PassageWithMentions[]> {
  const expand = await rangeExpanderFor(
    ctx,
    drafts.map((draft) => draft.text),
  );
  return drafts.map((draft) => ({ draft, mentions: detectCodeMentions(draft.text, expand) }));
}
