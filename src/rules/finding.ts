import type { Citation } from '../cards/card-types.ts';

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
  /** 0-based indexes of the claim's lines. */
  lines: number[];
  codes: string[];
  modifiers?: string[];
  message: string;
  fix?: string;
  /** Table rows by locator; guidance sentences also with their quoted words. */
  citations: Citation[];
}
