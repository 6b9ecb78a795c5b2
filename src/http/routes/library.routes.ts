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
import { access } from '../access/request-access.ts';
import { auditRequest } from '../access/audit-request.ts';
import { libraryImportRoutes } from './library-imports.routes.ts';
import type { UploadSettings } from '../multipart-upload.ts';

/** The library's documents (list, one, remove) and its uploads. */
export function libraryRoutes(app: FastifyInstance, jobs: ImportJobs, uploads: UploadSettings) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/library/documents',
    {
      ...access('viewer'),
      schema: {
        tags: ['library'],
        summary: 'List the library',
        response: { 200: libraryListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      documents: await listLibrary(request.ctx),
    }),
  );

  r.get(
    '/api/library/documents/:id',
    {
      ...access('viewer'),
      schema: {
        tags: ['library'],
        summary: 'One document version',
        params: documentParamsSchema,
        response: { 200: documentSummarySchema, ...errorResponses },
      },
    },
    async (request) => getDocumentSummary(request.ctx, request.params.id),
  );

  r.delete(
    '/api/library/documents/:id',
    {
      ...access('librarian'),
      schema: {
        tags: ['library'],
        summary: 'Remove a document version with its facts and passages',
        params: documentParamsSchema,
        response: { 200: documentRemovedSchema, ...errorResponses },
      },
    },
    async (request) => {
      const removed = await removeDocument(request.ctx, request.params.id);
      await auditRequest(request.ctx.db, request, 'document.delete', 'ok', {
        type: 'document',
        id: String(request.params.id),
      });
      return { removed };
    },
  );
  libraryImportRoutes(app, jobs, uploads);
}
