import { z } from 'zod';
import { documentSummarySchema } from './library.ts';

export const sourceQuerySchema = z.object({ locator: z.string().min(1).max(500) });
export const passagesQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Stored rows at a table citation's locator, with their columns. */
export const sourceRowSchema = z.object({
  table: z.string(),
  locator: z.string(),
  columns: z.array(z.object({ name: z.string(), value: z.string().nullable() })),
});
export type SourceRow = z.infer<typeof sourceRowSchema>;

/** The passage a prose citation points at, with the cited span. */
export const sourcePassageSchema = z.object({
  id: z.number(),
  text: z.string(),
  page: z.number().nullable(),
  headingPath: z.array(z.string()),
  startOffset: z.number(),
  endOffset: z.number(),
  /** The cited span within `text` (the whole passage when the citation names no span). */
  highlightStart: z.number(),
  highlightEnd: z.number(),
});
export type SourcePassage = z.infer<typeof sourcePassageSchema>;

/** `GET /api/sources/:id?locator=`: what a citation points at. */
export const sourceSchema = z.object({
  document: documentSummarySchema.extend({ hasFile: z.boolean() }),
  rows: z.array(sourceRowSchema).optional(),
  passage: sourcePassageSchema.optional(),
});
export type Source = z.infer<typeof sourceSchema>;

export const passageSchema = z.object({
  id: z.number(),
  ordinal: z.number(),
  text: z.string(),
  page: z.number().nullable(),
  headingPath: z.array(z.string()),
  codes: z.array(z.object({ system: z.string(), code: z.string() })),
});
export type Passage = z.infer<typeof passageSchema>;

/** `GET /api/library/documents/:id/passages`: a page of passages and how many there are. */
export const passagePageSchema = z.object({ total: z.number(), passages: z.array(passageSchema) });
export type PassagePage = z.infer<typeof passagePageSchema>;

/** The original file: PDFs keep their type, everything else is plain text, always a download. */
export const documentFileResponse = {
  description: 'The original file, as a sandboxed download',
  content: {
    'application/pdf': { schema: z.string() },
    'text/plain': { schema: z.string() },
  },
} as const;
