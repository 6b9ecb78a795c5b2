import { z } from 'zod';
import { isoDateSchema, localeSchema } from './common.ts';
import { checkResponseSchema, claimSummarySchema } from './checks.ts';

/** Download formats of a finished batch (the CLI's report formats). */
export const reportFormats = ['json', 'ndjson', 'csv'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** `POST /api/checks/batch?lang=` (multipart: one claim file, optional setting and lang). */
export const batchQuerySchema = z.object({ lang: localeSchema.optional() });
export const batchParamsSchema = z.object({ id: z.uuid() });
/** Results stored per page at most (`limit`). */
export const MAX_RESULTS_PAGE = 1_000;
/**
 * A download of the whole report (a finished job), or with `limit` one JSON page of the
 * results stored after claim position `after` (any status: a running job's results so far).
 */
export const batchResultsQuerySchema = z.object({
  format: z.enum(reportFormats).default('json'),
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_RESULTS_PAGE).optional(),
  /** CSV only: adds each row's Medicare fees in this locality ("Manhattan", "NY 01"). */
  'fee-locality': z.string().min(1).max(200).optional(),
  /** The date of service the fees are for (default today). */
  'fee-date': isoDateSchema.optional(),
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
  /** A failed check that `POST /api/checks/batch/{id}/resume` continues after its last result. */
  resumable: z.boolean().optional(),
  progress: z.object({ done: z.number(), total: z.number() }),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
  summary: batchSummarySchema.optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  /** The results' address, once the job is done. */
  results: z.string().optional(),
});
export type BatchJob = z.infer<typeof batchJobSchema>;

/**
 * A page of results (`limit` given): the claims' results in file order, and `next`, the `after`
 * of the following page (null: no more now, and the job is not queued or running).
 */
export const batchResultsPageSchema = checkResponseSchema.extend({
  next: z.number().int().nullable(),
});
export type BatchResultsPage = z.infer<typeof batchResultsPageSchema>;

/** The download: a file in the asked format (JSON as `POST /api/checks` answers, NDJSON, CSV). */
export const batchResultsResponse = {
  description: 'The report of a finished batch check, or one page of results (with limit)',
  content: {
    'application/json': { schema: z.union([batchResultsPageSchema, checkResponseSchema]) },
    'application/x-ndjson': { schema: z.string() },
    'text/csv': { schema: z.string() },
  },
} as const;
