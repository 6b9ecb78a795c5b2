import type { Citation } from '../domain/citation.ts';

/** The columns every cited row query selects: its document, release and place in the file. */
export interface SourceColumns {
  document_id: number;
  title: string;
  release: string | null;
  locator: string;
}

/** A stored passage with its document, as prose answers and cards cite it. */
export interface PassageRow {
  passage_id: number;
  text: string;
  page: number | null;
  heading_path: string[];
  start_offset: number;
  document_id: number;
  title: string;
  release: string | null;
  language: string;
}

export function rowCitation(row: SourceColumns): Citation {
  return {
    documentId: row.document_id,
    title: row.title,
    version: row.release,
    locator: row.locator,
  };
}

/** A prose citation: page or heading path, the character offsets, and the quoted words. */
export function passageCitation(passage: PassageRow, start: number, end: number): Citation {
  const where = passagePlace(passage);
  const from = passage.start_offset + start;
  return {
    documentId: passage.document_id,
    title: passage.title,
    version: passage.release,
    locator: `${where}, characters ${from}-${passage.start_offset + end}`,
    quote: passage.text.slice(start, end).trim(),
  };
}

/** Where a passage sits in its document: its page, else its heading path. */
export function passagePlace(passage: Pick<PassageRow, 'page' | 'heading_path'>): string {
  return passage.page !== null
    ? `page ${passage.page}`
    : passage.heading_path.join(' > ') || 'text';
}
