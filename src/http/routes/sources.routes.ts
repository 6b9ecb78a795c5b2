import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../access/request-access.ts';
import { errorResponses } from '../../contracts/errors.ts';
import { documentParamsSchema } from '../../contracts/library.ts';
import {
  documentFileResponse,
  passagePageSchema,
  passagesQuerySchema,
  sourceQuerySchema,
  sourceSchema,
} from '../../contracts/sources.ts';
import { downloadBody } from '../download-body.ts';
import { documentFile, documentPassages, resolveSource } from '../../library/sources.service.ts';

/** Where citations lead: the cited row or passage, a document's passages, its original file. */
export function sourceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/sources/:id',
    {
      ...access('viewer'),
      schema: {
        tags: ['library'],
        summary: 'What a citation points at: table rows with their columns, or the cited passage',
        params: documentParamsSchema,
        querystring: sourceQuerySchema,
        response: { 200: sourceSchema, ...errorResponses },
      },
    },
    async (request) => resolveSource(request.ctx, request.params.id, request.query.locator),
  );
  r.get(
    '/api/library/documents/:id/passages',
    {
      ...access('viewer'),
      schema: {
        tags: ['library'],
        summary: "A page of a document's passages with the codes detected in each",
        params: documentParamsSchema,
        querystring: passagesQuerySchema,
        response: { 200: passagePageSchema, ...errorResponses },
      },
    },
    async (request) =>
      documentPassages(request.ctx, request.params.id, request.query.offset, request.query.limit),
  );
  r.get(
    '/api/library/documents/:id/file',
    {
      ...access('viewer'),
      schema: {
        tags: ['library'],
        summary: 'The original file of a prose document (PDF, DOCX, HTML, Markdown, text)',
        params: documentParamsSchema,
        response: { 200: documentFileResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await documentFile(request.ctx, request.params.id);
      // Uploaded HTML must never run on this origin: every file is a sandboxed download, and
      // only PDFs keep their type (the source viewer renders them with pdf.js, not the browser).
      const type =
        file.contentType === 'application/pdf' ? file.contentType : 'text/plain; charset=utf-8';
      return reply
        .header('content-type', type)
        .header('content-security-policy', "sandbox; default-src 'none'; frame-ancestors 'none'")
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .send(downloadBody(Buffer.from(file.bytes)));
    },
  );
}
