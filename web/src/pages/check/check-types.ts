/** The claim check API's answers (`POST /api/checks`, the batch endpoints): the contracts' types. */
export type {
  ClaimResult,
  ClaimSummary,
  CheckResponse,
  Finding as CheckFinding,
  Severity,
} from '../../../../src/contracts/checks.ts';
export type { Citation as CheckCitation } from '../../../../src/contracts/common.ts';
export type { BatchJob, BatchStatus, BatchSummary } from '../../../../src/contracts/check-jobs.ts';
export type { Setting } from '../../../../src/domain/setting.ts';
export { settings } from '../../../../src/domain/setting.ts';

/** What the page knows of a claim's lines beyond the findings: "62264", "77003 XS". */
export type LineLabels = Record<string, string[]>;
