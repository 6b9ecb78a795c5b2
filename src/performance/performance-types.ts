/** The Performance dashboard's measures (issue 7), as the API and `codecard performance` give them. */
export type Granularity = 'day' | 'week' | 'month';
export const granularities: readonly Granularity[] = ['day', 'week', 'month'];

/** Inclusive ISO dates (UTC days); periods are labelled by their first day. */
export interface ReportRange {
  from: string;
  to: string;
  granularity: Granularity;
}

export interface PerformanceReport {
  range: ReportRange;
  answers: AnswerMeasures;
  checks: CheckMeasures;
  library: LibraryMeasures;
}

export interface AnswerMeasures {
  periods: { period: string; questions: number; answered: number; refused: number }[];
  totals: {
    questions: number;
    answered: number;
    refused: number;
    /** 0..1; null when nothing was asked. */
    shareAnswered: number | null;
    shareRefused: number | null;
  };
  /** score = (up − down) / (up + down), null without votes. */
  feedback: { up: number; down: number; score: number | null };
  latencyMs: { p50: number | null; p95: number | null };
}

export interface CheckMeasures {
  periods: { period: string; claims: number; claimsWithErrors: number }[];
  totals: {
    claims: number;
    lines: number;
    claimsWithErrors: number;
    shareWithErrors: number | null;
    denialsPrevented: number;
  };
  findingsByRule: Record<string, number>;
  topPairs: { pair: string; column1: string; column2: string; count: number }[];
  topCodes: { code: string; count: number }[];
}

export interface LibraryMeasures {
  gaps: LibraryGap[];
  freshness: StaleDataset[];
  coverage: CodeCoverage[];
}

export interface LibraryGap {
  key: string;
  kind: 'code' | 'term';
  count: number;
  /** ISO timestamp (UTC) of the latest refused question with this key. */
  lastSeen: string;
  /** The latest refused question with this key. */
  example: string;
}

export type StaleReason =
  'older-than-current-quarter' | 'older-than-current-release' | 'effective-period-ended';

export interface StaleDataset {
  documentId: number;
  title: string;
  kind: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  reason: StaleReason;
  /** For a release older than today's period: its period and today's ("2020" and "2026", "FY2021" and "FY2027"). */
  releasePeriod?: string;
  currentPeriod?: string;
}

export type CoverageMissing = 'descriptor' | 'edits' | 'guidance';

export interface CodeCoverage {
  code: string;
  /** Questions in the range that asked about the code. */
  asked: number;
  missing: CoverageMissing[];
}
