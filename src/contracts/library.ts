import { z } from 'zod';
import { documentKinds, structuredKinds } from '../domain/document-kind.ts';
import { countsSchema } from './common.ts';

export const importKinds = [...structuredKinds, ...documentKinds] as const;

export const documentParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const importParamsSchema = z.object({ id: z.uuid() });
/** `POST /api/library/documents?wait=true` answers when the imports have finished. */
export const uploadQuerySchema = z.object({
  wait: z.enum(['true', 'false']).optional(),
  /** `reference`: into the instance-wide reference data every organization reads (instance admins). */
  library: z.enum(['organization', 'reference']).optional(),
});
/** The multipart fields of an upload besides its files. */
export const uploadFields = [
  'kind',
  'setting',
  'effective',
  'title',
  'system',
  'partial',
  'columns',
] as const;

/** A document version as the library lists it. */
export const documentSummarySchema = z.object({
  id: z.number(),
  title: z.string(),
  kind: z.string(),
  partial: z.boolean(),
  setting: z.string().nullable(),
  system: z.string().nullable(),
  language: z.string().nullable(),
  release: z.string().nullable(),
  publisher: z.string().nullable(),
  fileName: z.string(),
  fileHash: z.string(),
  fileSize: z.number(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  importedAt: z.string(),
  rowsRead: z.number(),
  rowsStored: z.number(),
  rowsSkipped: z.number(),
  skippedReasons: countsSchema,
  /** True for instance-wide reference data: read by every organization, changed by none. */
  shared: z.boolean().optional(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

export const libraryListSchema = z.object({ documents: z.array(documentSummarySchema) });
export const documentRemovedSchema = z.object({ removed: documentSummarySchema });
export type LibraryList = z.infer<typeof libraryListSchema>;

export const importPhases = ['detecting', 'parsing', 'storing', 'indexing', 'done'] as const;
export const importStatuses = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type ImportPhase = (typeof importPhases)[number];
export type ImportStatus = (typeof importStatuses)[number];

/** An upload's import job (`GET /api/library/imports/:id`). */
export const importJobSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  status: z.enum(importStatuses),
  /** Records handled so far, and the estimate of all records (0 when unknown). */
  progress: z.object({ phase: z.enum(importPhases), done: z.number(), total: z.number() }),
  createdAt: z.string(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  result: z
    .object({
      status: z.enum(['imported', 'unchanged']),
      document: documentSummarySchema,
      rowsRead: z.number(),
      rowsStored: z.number(),
      rowsSkipped: z.number(),
      skippedReasons: countsSchema,
      durationMs: z.number(),
    })
    .optional(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const uploadResponseSchema = z.object({ jobs: z.array(importJobSchema) });
export type UploadResponse = z.infer<typeof uploadResponseSchema>;

export const referenceDatasetSchema = z.object({
  datasetKey: z.string(),
  kind: z.string(),
  titles: z.array(z.string()),
  documents: z.number(),
  used: z.boolean(),
  setAside: z.enum(['own-release', 'turned-off']).nullable(),
});
export type ReferenceDataset = z.infer<typeof referenceDatasetSchema>;
export const referenceDatasetsSchema = z.object({ datasets: z.array(referenceDatasetSchema) });
export const referenceDatasetParamsSchema = z.object({ key: z.string().min(1).max(300) });
export const referenceChoiceSchema = z.object({ use: z.boolean() });
