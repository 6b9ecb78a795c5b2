import type { Setting } from '../domain/setting.ts';

/** One service line as a claim check sees it; lines inherit the claim's date and diagnoses. */
export interface ClaimLine {
  code: string;
  modifiers: string[];
  units: number;
  /** ISO YYYY-MM-DD. */
  dateOfService: string;
  /** ICD-10-CM codes, dotted ("M54.16"). */
  diagnoses: string[];
  provider: string | null;
  /** Where the line came from, for error messages: "line 3", "segment 27 (SV1)". */
  source: string;
}

export interface Claim {
  id: string;
  setting: Setting;
  lines: ClaimLine[];
}

/** A claim input that could not be read: where and why. Bad input is an error, not a finding. */
export interface ClaimInputProblem {
  where: string;
  message: string;
}
