import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contracts/errors.ts';
import {
  documentParamsSchema,
  documentRemovedSchema,
  documentSummarySchema,
  libraryListSchema,
} from '../../contracts/library.ts';
import type { ImportJobs } from '../../library/import-jobs.ts';
import { getDocumentSummary, listLibrary, removeDocument } from '../../library/library.service.ts';
import type { LibraryContext } from '../../library/library-context.ts';
import { libraryImportRoutes } from './library-imports.routes.ts';

/** The library's documents (list, one, remove) and its uploads. */
export function libraryRoutes(
  app: FastifyInstance,
  ctx: LibraryContext,
  jobs: ImportJobs,
  maxUploadBytes: number,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/library/documents',
    {
      schema: {
        tags: ['library'],
        summary: 'List the library',
        response: { 200: libraryListSchema, ...errorResponses },
      },
    },
    async () => ({
      documents: await listLibrary(ctx),
    }),
  );

  r.get(
    '/api/library/documents/:id',
    {
      schema: {
        tags: ['library'],
        summary: 'One document version',
        params: documentParamsSchema,
        response: { 200: documentSummarySchema, ...errorResponses },
      },
    },
    async (request) => getDocumentSummary(ctx, request.params.id),
  );

  r.delete(
    '/api/library/documents/:id',
    {
      schema: {
        tags: ['library'],
        summary: 'Remove a document version with its facts and passages',
        params: documentParamsSchema,
        response: { 200: documentRemovedSchema, ...errorResponses },
      },
    },
    async (request) => ({
      removed: await removeDocument(ctx, request.params.id),
    }),
  );
  libraryImportRoutes(app, jobs, maxUploadBytes);
}
