import type { PerformanceReport, ReportRange } from '../../../../src/contracts/performance.ts';
import type { SyncStatus } from '../../../../src/contracts/sync.ts';

/** Consecutive days from `from`, `count` of them (ISO, UTC). */
function days(from: string, count: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) =>
    new Date(start + i * 86_400_000).toISOString().slice(0, 10),
  );
}

/**
 * A report as `GET /api/performance` gives it: 20 questions (4 refused) and 11 claims (8 with
 * errors) on the last of 30 days; gaps by code and by word; a stale PTP release; 99999 without
 * coverage.
 */
export function sampleReport(range: Partial<ReportRange> = {}): PerformanceReport {
  const resolved: ReportRange = {
    from: range.from ?? '2026-10-29',
    to: range.to ?? '2026-11-27',
    granularity: range.granularity ?? 'day',
  };
  const periods = days(resolved.from, 30);
  const last = periods.length - 1;
  return {
    range: resolved,
    answers: {
      periods: periods.map((period, i) =>
        i === last
          ? { period, questions: 20, answered: 16, refused: 4 }
          : { period, questions: 0, answered: 0, refused: 0 },
      ),
      totals: { questions: 20, answered: 16, refused: 4, shareAnswered: 0.8, shareRefused: 0.2 },
      feedback: { up: 3, down: 1, score: 0.5 },
      latencyMs: { p50: 120.4, p95: 1530 },
    },
    checks: {
      periods: periods.map((period, i) => ({
        period,
        claims: i === last ? 11 : 0,
        claimsWithErrors: i === last ? 8 : 0,
      })),
      totals: {
        claims: 11,
        lines: 19,
        claimsWithErrors: 8,
        shareWithErrors: 0.7273,
        denialsPrevented: 8,
      },
      findingsByRule: { 'code-validity': 10, ptp: 3, mue: 2 },
      topPairs: [
        { pair: '62264|77003', column1: '62264', column2: '77003', count: 2 },
        { pair: '62263|62264', column1: '62263', column2: '62264', count: 1 },
      ],
      topCodes: [
        { code: '62264', count: 7 },
        { code: '62323', count: 3 },
      ],
    },
    library: {
      gaps: [
        {
          key: '99999',
          kind: 'code',
          count: 2,
          lastSeen: '2026-11-27T04:39:41Z',
          example: 'how many units of 99999?',
        },
        {
          key: 'capital',
          kind: 'term',
          count: 1,
          lastSeen: '2026-11-27T04:39:41Z',
          example: 'what is the capital of France?',
        },
      ],
      freshness: [
        {
          documentId: 6,
          title: 'sample-ccipra-v320r0-ptp.txt',
          kind: 'ncci-ptp',
          effectiveFrom: '2026-01-01',
          effectiveTo: null,
          reason: 'older-than-current-quarter',
        },
      ],
      coverage: [{ code: '99999', asked: 2, missing: ['descriptor', 'edits', 'guidance'] }],
    },
  };
}

/** A release sync status: one dataset imported, one failed at verification, one never checked. */
export const sampleSyncStatus: SyncStatus = {
  mirror: '/srv/mirror/index.json',
  intervalHours: 24,
  nextCheck: '2026-11-28T06:00:00Z',
  mirrorError: null,
  datasets: [
    {
      dataset: 'ncci-ptp-practitioner',
      kind: 'ncci-ptp',
      lastChecked: '2026-11-27T06:00:00Z',
      result: 'imported',
      failedStep: null,
      message: null,
      newestHeld: {
        documentId: 7,
        release: 'v32.3',
        effective: '2026-10-01',
        published: null,
        sourceUrl: 'https://mirror.example.org/ccipra-v323r0-f1.zip',
      },
      nextExpected: '2027-01-01',
      overdue: false,
    },
    {
      dataset: 'gpci',
      kind: 'gpci',
      lastChecked: '2026-11-27T06:01:00Z',
      result: 'failed',
      failedStep: 'verify',
      message: 'GPCI2026.csv: 2000 bytes where the mirror declares 5957',
      newestHeld: null,
      nextExpected: '2026-01-01',
      overdue: true,
    },
    {
      dataset: 'hcpcs-quarterly',
      kind: 'hcpcs',
      lastChecked: null,
      result: null,
      failedStep: null,
      message: null,
      newestHeld: null,
      nextExpected: '2026-10-01',
      overdue: true,
    },
  ],
};
