import type { DocumentRow } from './store/document.repository.ts';

export interface ImportResult {
  status: 'imported' | 'unchanged';
  document: DocumentRow;
  rowsRead: number;
  rowsStored: number;
  rowsSkipped: number;
  skippedReasons: Record<string, number>;
  durationMs: number;
}

export type ImportCounts = Pick<
  ImportResult,
  'rowsRead' | 'rowsStored' | 'rowsSkipped' | 'skippedReasons'
>;
/** What storing one document version produced, before timing and status are added. */
export type StoredVersion = ImportCounts & { document: DocumentRow };
