import { z } from 'zod';

export const healthSchema = z.object({ status: z.literal('ok'), version: z.string() });
export type Health = z.infer<typeof healthSchema>;

/** The process answers (it never asks the database). */
export const liveSchema = z.object({
  status: z.literal('live'),
  version: z.string(),
  uptimeSeconds: z.number().int(),
});
export type Live = z.infer<typeof liveSchema>;

const jobCountsSchema = z.object({ running: z.number().int(), queued: z.number().int() });

/**
 * Whether requests can be served: the database answered `select 1` in time ('ok'), is held by a
 * running import on the embedded single connection ('busy': requests wait, they do not fail), or
 * did not answer ('down', a 503).
 */
export const readySchema = z.object({
  status: z.enum(['ready', 'unavailable']),
  database: z.enum(['ok', 'busy', 'down']),
  imports: jobCountsSchema,
  checks: jobCountsSchema,
  /**
   * The starter library a first start imports in the background, one document at a time
   * (requests meanwhile answer with the documents already in): 'idle' before it starts or when
   * the server does not load it, 'done' when every file is in (or none was needed).
   */
  starterLibrary: z.object({
    state: z.enum(['idle', 'loading', 'done', 'failed']),
    done: z.number().int(),
    total: z.number().int(),
  }),
});
export type Ready = z.infer<typeof readySchema>;
