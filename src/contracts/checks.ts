import { z } from 'zod';
import { citationSchema, localeSchema } from './common.ts';

export const ruleIds = [
  'code-validity',
  'ptp',
  'mue',
  'add-on',
  'modifier',
  'medical-necessity',
  'frequency',
  'duplicate',
] as const;
export const severities = ['error', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];

/** `POST /api/checks?lang=`: the body is the JSON claim format, validated by the claim parser. */
export const checkQuerySchema = z.object({ lang: localeSchema.optional() });
export const checkBodySchema = z.unknown();

/** A rule hit: which rule, how bad, which lines, why, and the sources. */
export const findingSchema = z.object({
  rule: z.enum(ruleIds),
  severity: z.enum(severities),
  /** 1-based line numbers of the claim's service lines (1 = its first line). */
  lines: z.array(z.number()),
  codes: z.array(z.string()),
  modifiers: z.array(z.string()).optional(),
  message: z.string(),
  fix: z.string().optional(),
  citations: z.array(citationSchema),
});
export type Finding = z.infer<typeof findingSchema>;

export const claimSummarySchema = z.object({
  errors: z.number(),
  warnings: z.number(),
  infos: z.number(),
});
export type ClaimSummary = z.infer<typeof claimSummarySchema>;

export const claimResultSchema = z.object({
  id: z.string(),
  findings: z.array(findingSchema),
  summary: claimSummarySchema,
});
export type ClaimResult = z.infer<typeof claimResultSchema>;

export const checkResponseSchema = z.object({ claims: z.array(claimResultSchema) });
export type CheckResponse = z.infer<typeof checkResponseSchema>;
