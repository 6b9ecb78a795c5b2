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
  Pick<Selectable<MueEditsTable>, 'mue_value' | 'adjudication' | 'rationale'>;

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
