import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LibraryContext } from '../../library/library-context.ts';
import { documentFile, documentPassages, resolveSource } from '../../library/sources.service.ts';

const documentParams = z.object({ id: z.coerce.number().int().positive() });

/** Where citations lead: the cited row or passage, a document's passages, its original file. */
export function sourceRoutes(app: FastifyInstance, ctx: LibraryContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/sources/:id',
    {
      schema: {
        tags: ['library'],
        summary: 'What a citation points at: table rows with their columns, or the cited passage',
        params: documentParams,
        querystring: z.object({ locator: z.string().min(1).max(500) }),
      },
    },
    async (request) => resolveSource(ctx, request.params.id, request.query.locator),
  );
  r.get(
    '/api/library/documents/:id/passages',
    {
      schema: {
        tags: ['library'],
        summary: "A page of a document's passages with the codes detected in each",
        params: documentParams,
        querystring: z.object({
          offset: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (request) =>
      documentPassages(ctx, request.params.id, request.query.offset, request.query.limit),
  );
  r.get(
    '/api/library/documents/:id/file',
    {
      schema: {
        tags: ['library'],
        summary: 'The original file of a prose document (PDF, DOCX, HTML, Markdown, text)',
        params: documentParams,
      },
    },
    async (request, reply) => {
      const file = await documentFile(ctx, request.params.id);
      // Uploaded HTML must never run on this origin: every file is a sandboxed download, and
      // only PDFs keep their type (the source viewer renders them with pdf.js, not the browser).
      const type =
        file.contentType === 'application/pdf' ? file.contentType : 'text/plain; charset=utf-8';
      return reply
        .header('content-type', type)
        .header('content-security-policy', 'sandbox; default-src none')
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .send(Buffer.from(file.bytes));
    },
  );
}
