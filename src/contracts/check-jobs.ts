import { z } from 'zod';
import { localeSchema } from './common.ts';
import { checkResponseSchema, claimSummarySchema } from './checks.ts';

/** Download formats of a finished batch (the CLI's report formats). */
export const reportFormats = ['json', 'ndjson', 'csv'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** `POST /api/checks/batch?lang=` (multipart: one claim file, optional setting and lang). */
export const batchQuerySchema = z.object({ lang: localeSchema.optional() });
export const batchParamsSchema = z.object({ id: z.uuid() });
export const batchResultsQuerySchema = z.object({
  format: z.enum(reportFormats).default('json'),
});

export const batchStatuses = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type BatchStatus = (typeof batchStatuses)[number];

export const batchSummarySchema = claimSummarySchema.extend({
  claims: z.number(),
  claimsWithErrors: z.number(),
});
export type BatchSummary = z.infer<typeof batchSummarySchema>;

/** A batch check's status, progress (claims checked) and, when done, summary and results link. */
export const batchJobSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  lang: localeSchema,
  status: z.enum(batchStatuses),
  progress: z.object({ done: z.number(), total: z.number() }),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
  summary: batchSummarySchema.optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  /** The results' address, once the job is done. */
  results: z.string().optional(),
});
export type BatchJob = z.infer<typeof batchJobSchema>;

/** The download: a file in the asked format (JSON as `POST /api/checks` answers, NDJSON, CSV). */
export const batchResultsResponse = {
  description: 'The report of a finished batch check',
  content: {
    'application/json': { schema: checkResponseSchema },
    'application/x-ndjson': { schema: z.string() },
    'text/csv': { schema: z.string() },
  },
} as const;
