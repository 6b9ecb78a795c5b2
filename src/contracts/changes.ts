import { z } from 'zod';
import { changeKinds } from '../domain/change-kind.ts';
import { citationSchema } from './common.ts';

/** `GET /api/changes`: two releases of one dataset by label, version id or effective date. */
export const changesQuerySchema = z.object({
  from: z.string().min(1).max(100),
  to: z.string().min(1).max(100),
  dataset: z.string().min(1).max(200).optional(),
  /** Comma-separated codes; only their changes (a PTP pair when either code is listed). */
  codes: z.string().max(4000).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
export type ChangesQuery = z.infer<typeof changesQuerySchema>;

export const changeKindSchema = z.enum(changeKinds);
export type ChangeKindName = z.infer<typeof changeKindSchema>;

export const releaseSchema = z.object({
  documentId: z.number(),
  datasetKey: z.string(),
  baseDataset: z.string(),
  kind: z.string(),
  title: z.string(),
  setting: z.string().nullable(),
  system: z.string().nullable(),
  release: z.string().nullable(),
  partial: z.boolean(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
});
export type ReleaseInfo = z.infer<typeof releaseSchema>;

export const changeSchema = z.object({
  kind: changeKindSchema,
  key: z.string(),
  codes: z.array(z.string()),
  field: z.string().nullable(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  citations: z.array(citationSchema),
});
export type ChangeInfo = z.infer<typeof changeSchema>;

export const releaseDiffSchema = z.object({
  from: releaseSchema,
  to: releaseSchema,
  scope: z.object({
    coverage: z.enum(['complete', 'newer-is-excerpt', 'older-is-excerpt', 'both-excerpts']),
    /** Keys of the older release the newer excerpt does not hold: outside it, not deleted. */
    outsideExcerpt: z.number(),
    outsideOlderExcerpt: z.number(),
    codes: z.array(z.string()).nullable(),
  }),
  counts: z.partialRecord(changeKindSchema, z.number()),
  changes: z.array(changeSchema),
});
export type ReleaseDiffInfo = z.infer<typeof releaseDiffSchema>;

export const releasesSchema = z.object({ releases: z.array(releaseSchema) });

export const changesResponse = {
  description: 'What changed between the two releases, as JSON or (format=csv) as CSV',
  content: {
    'application/json': { schema: releaseDiffSchema },
    'text/csv': { schema: z.string() },
  },
} as const;
