import { z } from 'zod';
import { localeCodes } from '../domain/locale.ts';

/** A date of service or period bound, ISO `YYYY-MM-DD`. */
export const isoDateSchema = z.iso.date();
export const localeSchema = z.enum(localeCodes);

/** Where a statement comes from: document, version and locator; prose also quotes its words. */
export const citationSchema = z.object({
  documentId: z.number(),
  title: z.string(),
  version: z.string().nullable(),
  locator: z.string(),
  /** The exact words of a prose source. */
  quote: z.string().optional(),
});
export type Citation = z.infer<typeof citationSchema>;

/** Errors, warnings and notes keyed by name (skipped rows by reason, findings by rule). */
export const countsSchema = z.record(z.string(), z.number());
