import { CodecardError } from '../errors/codecard-error.ts';
import { getDocumentSummary, type DocumentSummary } from './library.service.ts';
import type { LibraryContext } from './library-context.ts';
import {
  countPassages,
  findPassagesAt,
  findPassagesWithCodes,
  findRowsAt,
  type SourcePassageRow,
} from './sources.repository.ts';
import { findDocumentFile, hasDocumentFile } from './store/document-file.repository.ts';

/** The fact tables a table citation can point into (constant names, never from input). */
const rowTables = [
  'ptp_edits',
  'mue_edits',
  'code_descriptors',
  'code_notes',
  'rvu_indicators',
  'add_on_codes',
  'coverage_codes',
] as const;
/** Bookkeeping and derived columns a reader does not need to see. */
const hiddenColumns = new Set(['org_id', 'document_id', 'locator', 'search_vector']);

export interface SourceRow {
  table: string;
  locator: string;
  columns: { name: string; value: string | null }[];
}

export interface SourcePassage {
  id: number;
  text: string;
  page: number | null;
  headingPath: string[];
  startOffset: number;
  endOffset: number;
  /** The cited span within `text` (the whole passage when the citation names no span). */
  highlightStart: number;
  highlightEnd: number;
}

export interface Source {
  document: DocumentSummary & { hasFile: boolean };
  rows?: SourceRow[];
  passage?: SourcePassage;
}

/**
 * What a citation points at: for a table citation ("line 25") the stored rows with their
 * columns; for a prose citation ("page 2, characters 1097-1170", "Modifiers > XS") the passage
 * with the cited span. NOT_FOUND when the document or the cited place is not in the library.
 */
export async function resolveSource(
  ctx: LibraryContext,
  documentId: number,
  locator: string,
): Promise<Source> {
  const summary = await getDocumentSummary(ctx, documentId);
  const hasFile = await hasDocumentFile(ctx.db, ctx.orgId, documentId);
  const document = { ...summary, hasFile };
  const rows = await findRows(ctx, documentId, locator);
  if (rows.length > 0) return { document, rows };
  const passage = await findPassage(ctx, documentId, locator);
  if (passage) return { document, passage };
  throw new CodecardError('NOT_FOUND', {
    detail: `document ${documentId} has nothing at "${locator}"`,
  });
}

async function findRows(ctx: LibraryContext, documentId: number, locator: string) {
  const rows: SourceRow[] = [];
  for (const table of rowTables) {
    const found = await findRowsAt(ctx, table, documentId, locator);
    for (const row of found) {
      rows.push({
        table,
        locator,
        columns: Object.entries(row)
          .filter(([name]) => !hiddenColumns.has(name))
          .map(([name, value]) => ({ name, value: display(value) })),
      });
    }
  }
  return rows;
}

function display(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return JSON.stringify(value);
}

async function findPassage(
  ctx: LibraryContext,
  documentId: number,
  locator: string,
): Promise<SourcePassage | null> {
  const where = locator.replace(/,\s*characters\s+\d+-\d+$/, '');
  const span = /characters\s+(\d+)-(\d+)$/.exec(locator);
  const page = /^page (\d+)$/.exec(where);
  const from = span ? Number(span[1]) : null;
  const to = span ? Number(span[2]) : null;
  const rows = await findPassagesAt(ctx, documentId, {
    from,
    to,
    page: page ? Number(page[1]) : null,
  });
  const heading = (row: SourcePassageRow) => row.heading_path.join(' > ') || 'text';
  const passage = page || span ? rows[0] : rows.find((row) => heading(row) === where);
  if (!passage) return null;
  const start = from === null ? 0 : from - passage.start_offset;
  const end = to === null ? passage.text.length : to - passage.start_offset;
  return {
    id: passage.id,
    text: passage.text,
    page: passage.page,
    headingPath: passage.heading_path,
    startOffset: passage.start_offset,
    endOffset: passage.end_offset,
    highlightStart: Math.max(0, start),
    highlightEnd: Math.min(passage.text.length, end),
  };
}

export interface DocumentPassages {
  total: number;
  passages: {
    id: number;
    ordinal: number;
    text: string;
    page: number | null;
    headingPath: string[];
    codes: { system: string; code: string }[];
  }[];
}

/** A page of a document's passages with the codes detected in each. */
export async function documentPassages(
  ctx: LibraryContext,
  documentId: number,
  offset: number,
  limit: number,
): Promise<DocumentPassages> {
  await getDocumentSummary(ctx, documentId);
  const rows = await findPassagesWithCodes(ctx, documentId, offset, limit);
  const total = rows[0]?.total ?? (await countPassages(ctx, documentId));
  return {
    total,
    passages: rows.map((r) => ({
      id: r.id,
      ordinal: r.ordinal,
      text: r.text,
      page: r.page,
      headingPath: r.heading_path,
      codes: r.codes ?? [],
    })),
  };
}

/** The original bytes of a prose document; NOT_FOUND for tables and unknown documents. */
export async function documentFile(
  ctx: LibraryContext,
  documentId: number,
): Promise<{ fileName: string; contentType: string; bytes: Uint8Array }> {
  const summary = await getDocumentSummary(ctx, documentId);
  const file = await findDocumentFile(ctx.db, ctx.orgId, documentId);
  if (!file)
    throw new CodecardError('NOT_FOUND', {
      detail: `document ${documentId} is a table; its rows are its content`,
    });
  return { fileName: summary.fileName, contentType: file.content_type, bytes: file.bytes };
}
