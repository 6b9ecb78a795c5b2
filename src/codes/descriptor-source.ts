import { rowPeriod, type RowPeriod } from '../domain/row-period.ts';
import type { SourceRef } from './code-description.ts';
import type { DescriptorRow } from './code.repository.ts';

/** The document row a descriptor was read from, as citations name it. */
export function sourceOf(row: DescriptorRow): SourceRef {
  return {
    documentId: row.document_id,
    title: row.title,
    release: row.release,
    locator: row.locator,
  };
}

/** The days a descriptor row is in force: its own dates where stated, else its release's. */
export function descriptorPeriod(row: DescriptorRow): RowPeriod {
  return rowPeriod({ from: row.doc_from, to: row.doc_to }, { from: row.row_from, to: row.row_to });
}
