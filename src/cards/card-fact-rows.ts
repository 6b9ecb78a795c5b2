import type { SourceColumns } from '../library/citations.ts';

/** The rows a card is composed from, as the card's queries select them. */
export interface PtpRow extends SourceColumns {
  column1: string;
  column2: string;
  modifier_indicator: number;
  effective_from: string | null;
  deletion_date: string | null;
  rationale: string | null;
}

export interface MueRow extends SourceColumns {
  mue_value: number;
  adjudication: number | null;
  rationale: string | null;
}

export interface RvuRow extends SourceColumns {
  status_code: string | null;
  global_days: string | null;
  multiple_procedure: string | null;
  bilateral_surgery: string | null;
  assistant_surgery: string | null;
  co_surgeons: string | null;
  team_surgery: string | null;
}

export interface AddOnRow extends SourceColumns {
  add_on_code: string;
  primary_code: string;
}

export interface CoverageRow extends SourceColumns {
  policy_id: string;
  icd10_code: string;
}
