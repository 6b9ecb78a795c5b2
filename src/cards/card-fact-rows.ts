import type { Selectable } from 'kysely';
import type { MueEditsTable, PtpEditsTable, RvuIndicatorsTable } from '../db/schema.ts';
import type { SourceColumns } from '../library/citations.ts';

/** The rows a card is composed from, as the card's queries select them. */
export type PtpRow = SourceColumns &
  Pick<
    Selectable<PtpEditsTable>,
    'column1' | 'column2' | 'modifier_indicator' | 'effective_from' | 'deletion_date' | 'rationale'
  >;

export type MueRow = SourceColumns &
  Pick<Selectable<MueEditsTable>, 'mue_value' | 'adjudication' | 'rationale'> & {
    /** The period of the MUE table's release (MUE rows carry no dates of their own). */
    release_from?: string | null;
    release_to?: string | null;
  };

export type RvuRow = SourceColumns &
  Omit<
    Selectable<RvuIndicatorsTable>,
    'org_id' | 'document_id' | 'locator' | 'code' | 'modifier' | 'columns'
  >;

export interface AddOnRow extends SourceColumns {
  add_on_code: string;
  primary_code: string;
}

export interface CoverageRow extends SourceColumns {
  policy_id: string;
  icd10_code: string;
}

/** A document a card cites, as its citation labels and release dates name it. */
export interface CitedDocument {
  id: number;
  kind: string;
  title: string;
  setting: string | null;
  release: string | null;
  file_name: string;
  effective_from: string | null;
}
