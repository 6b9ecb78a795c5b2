/** The claim check API's answers (`POST /api/checks`, the batch endpoints). */

export type Severity = 'error' | 'warning' | 'info';
export type Setting = 'practitioner' | 'hospital' | 'dme';
export const settings: readonly Setting[] = ['practitioner', 'hospital', 'dme'];

export interface CheckCitation {
  documentId: number;
  title: string;
  version: string | null;
  locator: string;
  quote?: string;
}

export interface CheckFinding {
  rule: string;
  severity: Severity;
  /** 1-based line numbers of the claim's lines (1 = its first line). */
  lines: number[];
  codes: string[];
  modifiers?: string[];
  message: string;
  fix?: string;
  citations: CheckCitation[];
}

export interface ClaimSummary {
  errors: number;
  warnings: number;
  infos: number;
}

export interface ClaimResult {
  id: string;
  findings: CheckFinding[];
  summary: ClaimSummary;
}

export interface CheckResponse {
  claims: ClaimResult[];
}

export type BatchStatus = 'queued' | 'running' | 'done' | 'failed';

export interface BatchSummary extends ClaimSummary {
  claims: number;
  claimsWithErrors: number;
}

export interface BatchJob {
  id: string;
  fileName: string;
  lang: string;
  status: BatchStatus;
  progress: { done: number; total: number };
  createdAt: string;
  finishedAt?: string;
  summary?: BatchSummary;
  error?: { code: string; message: string };
  results?: string;
}

/** What the page knows of a claim's lines beyond the findings: "62264", "77003 XS". */
export type LineLabels = Record<string, string[]>;
