import { z } from 'zod';
import { countsSchema, isoDateSchema } from './common.ts';

export const granularities = ['day', 'week', 'month'] as const;
export type Granularity = (typeof granularities)[number];

/** from ≤ to and the two-year limit are checked by the service (the CLI shares them). */
export const performanceQuerySchema = z.object({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  granularity: z.enum(granularities).optional(),
});
export type PerformanceQuery = z.infer<typeof performanceQuerySchema>;

const share = z.number().nullable();

export const answerMeasuresSchema = z.object({
  periods: z.array(
    z.object({
      period: z.string(),
      questions: z.number(),
      answered: z.number(),
      refused: z.number(),
    }),
  ),
  totals: z.object({
    questions: z.number(),
    answered: z.number(),
    refused: z.number(),
    /** 0..1; null when nothing was asked. */
    shareAnswered: share,
    shareRefused: share,
  }),
  /** score = (up − down) / (up + down), null without votes. */
  feedback: z.object({ up: z.number(), down: z.number(), score: share }),
  latencyMs: z.object({ p50: z.number().nullable(), p95: z.number().nullable() }),
});

export const checkMeasuresSchema = z.object({
  periods: z.array(
    z.object({ period: z.string(), claims: z.number(), claimsWithErrors: z.number() }),
  ),
  totals: z.object({
    claims: z.number(),
    lines: z.number(),
    claimsWithErrors: z.number(),
    shareWithErrors: share,
    denialsPrevented: z.number(),
  }),
  findingsByRule: countsSchema,
  topPairs: z.array(
    z.object({ pair: z.string(), column1: z.string(), column2: z.string(), count: z.number() }),
  ),
  topCodes: z.array(z.object({ code: z.string(), count: z.number() })),
});

export const staleReasons = [
  'older-than-current-quarter',
  'older-than-current-release',
  'effective-period-ended',
] as const;
export const coverageMissing = ['descriptor', 'edits', 'guidance'] as const;

export const libraryMeasuresSchema = z.object({
  gaps: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(['code', 'term']),
      count: z.number(),
      /** ISO timestamp (UTC) of the latest refused question with this key. */
      lastSeen: z.string(),
      example: z.string(),
    }),
  ),
  freshness: z.array(
    z.object({
      documentId: z.number(),
      title: z.string(),
      kind: z.string(),
      effectiveFrom: z.string().nullable(),
      effectiveTo: z.string().nullable(),
      reason: z.enum(staleReasons),
      releasePeriod: z.string().optional(),
      currentPeriod: z.string().optional(),
    }),
  ),
  coverage: z.array(
    z.object({ code: z.string(), asked: z.number(), missing: z.array(z.enum(coverageMissing)) }),
  ),
});

/** Inclusive ISO dates (UTC days); periods are labelled by their first day. */
export const reportRangeSchema = z.object({
  from: z.string(),
  to: z.string(),
  granularity: z.enum(granularities),
});
export type ReportRange = z.infer<typeof reportRangeSchema>;

/** `GET /api/performance`: answers, checks and library gaps over a range of days. */
export const performanceReportSchema = z.object({
  range: reportRangeSchema,
  answers: answerMeasuresSchema,
  checks: checkMeasuresSchema,
  library: libraryMeasuresSchema,
});
export type PerformanceReport = z.infer<typeof performanceReportSchema>;

export const performanceCsvResponse = {
  description: 'The per-period series and top lists, as CSV',
  content: { 'text/csv': { schema: z.string() } },
} as const;
