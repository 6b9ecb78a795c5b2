import type { Citation } from '../domain/citation.ts';

export type RuleId =
  | 'code-validity'
  | 'ptp'
  | 'mue'
  | 'add-on'
  | 'modifier'
  | 'medical-necessity'
  | 'frequency'
  | 'duplicate';

/** A rule hit is data, never an exception: which rule, how bad, which lines, why, and the source. */
export interface Finding {
  rule: RuleId;
  severity: 'error' | 'warning' | 'info';
  /**
   * 1-based line numbers of the claim's service lines (1 = its first line, as X12 LX segments,
   * CSV rows and the text report count them); the same base in JSON, NDJSON, CSV and text.
   * Rules work with 0-based indexes; `checkClaim` and `checkEdits` convert at the boundary.
   */
  lines: number[];
  codes: string[];
  modifiers?: string[];
  message: string;
  fix?: string;
  /** Table rows by locator; guidance sentences also with their quoted words. */
  citations: Citation[];
}
