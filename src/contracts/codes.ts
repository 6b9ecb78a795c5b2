import { z } from 'zod';
import { codeSystems } from '../domain/code-system.ts';
import { isoDateSchema } from './common.ts';

export const codeSearchQuerySchema = z.object({
  q: z.string().min(1).max(200),
  system: z.enum(codeSystems).optional(),
  dos: isoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const codeParamsSchema = z.object({ code: z.string().min(1).max(16) });
export const codeQuerySchema = z.object({
  system: z.enum(codeSystems).optional(),
  dos: isoDateSchema.optional(),
});
export type CodeSearchQuery = z.infer<typeof codeSearchQuerySchema>;

export const codeSearchHitSchema = z.object({
  system: z.string(),
  code: z.string(),
  description: z.string(),
  score: z.number(),
});
export type CodeSearchHit = z.infer<typeof codeSearchHitSchema>;

/** `GET /api/codes?q=`: codes by words, synonyms or a code prefix, best first. */
export const codeSearchSchema = z.object({ results: z.array(codeSearchHitSchema) });
export type CodeSearch = z.infer<typeof codeSearchSchema>;

export const sourceRefSchema = z.object({
  documentId: z.number(),
  title: z.string(),
  release: z.string().nullable(),
  locator: z.string(),
});

/** The code-validity verdict kinds (the domain's `codeValidity`). */
export const codeValidityKinds = [
  'valid',
  'not-billable',
  'ended',
  'not-yet',
  'not-in-library',
  'no-release-for-date',
  'stale-unknown',
] as const;

export const codeValiditySummarySchema = z.object({
  kind: z.enum(codeValidityKinds),
  release: z.string().nullable(),
  source: sourceRefSchema.nullable(),
  date: z.string().nullable(),
  replacements: z.array(z.string()),
  stale: z
    .object({ release: z.string().nullable(), effectiveFrom: z.string().nullable() })
    .nullable(),
});

/** `GET /api/codes/:code`: a code's descriptors on a date of service, with sources. */
export const codeDescriptionSchema = z.object({
  system: z.enum(codeSystems),
  code: z.string(),
  description: z.string(),
  mediumDescription: z.string().nullable(),
  shortDescription: z.string().nullable(),
  consumerDescription: z.string().nullable(),
  billable: z.boolean().nullable(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  release: z
    .object({ label: z.string().nullable(), effectiveFrom: z.string().nullable() })
    .nullable(),
  /** Null when the library has no table that decides this system's codes. */
  validity: codeValiditySummarySchema.nullable(),
  attributes: z.record(z.string(), z.string()),
  sources: z.array(sourceRefSchema),
  variants: z.array(z.object({ text: z.string(), source: sourceRefSchema })),
  notes: z.array(
    z.object({ code: z.string(), type: z.string(), text: z.string(), source: sourceRefSchema }),
  ),
});
export type CodeDescription = z.infer<typeof codeDescriptionSchema>;
