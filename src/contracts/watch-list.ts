import { z } from 'zod';
import { WATCHED_SYSTEMS, watchedCodeOf } from '../domain/watched-code.ts';
import { cardChangesSchema } from './cards.ts';
import { localeSchema } from './common.ts';

/** A CPT, HCPCS or ICD-10-CM code in the path (`M54.50`, `64483`, `J1040`). */
export const watchedCodeParamsSchema = z.object({
  code: z
    .string()
    .max(16)
    .refine((code) => watchedCodeOf(code) !== null, {
      message: 'not a CPT, HCPCS or ICD-10-CM code',
    }),
});

export const watchListQuerySchema = z.object({
  /** Only codes seen by checks in the last N days (all recorded checks without it). */
  days: z.coerce.number().int().min(1).max(3650).optional(),
});

export const watchSourceSchema = z.enum(['chosen', 'checks']);

export const watchedCodeSchema = z.object({
  code: z.string(),
  system: z.enum(WATCHED_SYSTEMS),
  /** Where it comes from: the organization chose it, its checks saw it, or both. */
  sources: z.array(watchSourceSchema),
  /** A chosen code: who added it (null once the account is gone) and when. */
  addedBy: z.string().nullable().optional(),
  addedAt: z.string().optional(),
});
export type WatchedCodeView = z.infer<typeof watchedCodeSchema>;

export const watchListSchema = z.object({ codes: z.array(watchedCodeSchema) });
export type WatchListView = z.infer<typeof watchListSchema>;

/** The outcome of adding or removing one chosen code. */
export const watchChangeSchema = z.object({
  code: z.string(),
  system: z.enum(WATCHED_SYSTEMS),
  /** False when there was nothing to do (already watched / not chosen). */
  changed: z.boolean(),
});
export type WatchChangeView = z.infer<typeof watchChangeSchema>;

export const watchListChangesQuerySchema = z.object({ lang: localeSchema.optional() });

/** `GET /api/watch-list/changes`: what each dataset's newest release changed for the list. */
export const watchListChangesSchema = z.object({
  codes: z.number().int(),
  changes: z.array(cardChangesSchema),
});
export type WatchListChangesView = z.infer<typeof watchListChangesSchema>;
