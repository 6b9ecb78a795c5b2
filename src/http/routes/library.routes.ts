import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CodecardError } from '../../errors/codecard-error.ts';
import type { ImportJob, ImportJobs } from '../../library/import-jobs.ts';
import { importOptions, type RawImportOptions } from '../../library/import-options.ts';
import {
  getDocumentSummary,
  listLibrary,
  removeDocument,
  summarize,
} from '../../library/library.service.ts';
import type { LibraryContext } from '../../library/library-context.ts';
import type { SourceFile } from '../../library/import-kind.ts';

const MAX_FILES_PER_UPLOAD = 20;
const optionFields = [
  'kind',
  'setting',
  'effective',
  'title',
  'system',
  'partial',
  'columns',
] as const;
const idParams = z.object({ id: z.coerce.number().int().positive() });

export function jobJson(job: ImportJob) {
  return {
    id: job.id,
    fileName: job.fileName,
    status: job.status,
    progress: job.progress,
    createdAt: job.createdAt,
    ...(job.error ? { error: job.error } : {}),
    ...(job.result
      ? {
          result: {
            status: job.result.status,
            document: summarize(job.result.document),
            rowsRead: job.result.rowsRead,
            rowsStored: job.result.rowsStored,
            rowsSkipped: job.result.rowsSkipped,
            skippedReasons: job.result.skippedReasons,
            durationMs: Math.round(job.result.durationMs),
          },
        }
      : {}),
  };
}

export function libraryRoutes(
  app: FastifyInstance,
  ctx: LibraryContext,
  jobs: ImportJobs,
  maxUploadBytes: number,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/library/documents',
    { schema: { tags: ['library'], summary: 'List the library' } },
    async () => ({
      documents: await listLibrary(ctx),
    }),
  );

  r.get(
    '/api/library/documents/:id',
    { schema: { tags: ['library'], params: idParams } },
    async (request) => getDocumentSummary(ctx, request.params.id),
  );

  r.delete(
    '/api/library/documents/:id',
    { schema: { tags: ['library'], params: idParams } },
    async (request) => ({
      removed: await removeDocument(ctx, request.params.id),
    }),
  );

  r.get(
    '/api/library/imports/:id',
    {
      schema: {
        tags: ['library'],
        summary: 'Progress and result of an upload',
        params: z.object({ id: z.uuid() }),
      },
    },
    (request) => jobJson(jobs.get(request.params.id)),
  );

  r.post(
    '/api/library/documents',
    {
      schema: {
        tags: ['library'],
        summary:
          'Upload files (multipart: files plus optional kind, setting, effective, title, system)',
        querystring: z.object({ wait: z.enum(['true', 'false']).optional() }),
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new CodecardError('BAD_INPUT', { detail: 'upload files as multipart/form-data' });
      }
      const raw: RawImportOptions = {};
      const files: SourceFile[] = [];
      for await (const part of request.parts({
        limits: { fileSize: maxUploadBytes, files: MAX_FILES_PER_UPLOAD },
      })) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer().catch((error: unknown) => {
            if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
            return null;
          });
          if (bytes === null || part.file.truncated) {
            throw new CodecardError('FILE_TOO_LARGE', {
              file: part.filename,
              size: `more than ${maxUploadBytes}`,
              limit: maxUploadBytes,
            });
          }
          files.push({ fileName: safeName(part.filename), bytes });
        } else if (
          (optionFields as readonly string[]).includes(part.fieldname) &&
          typeof part.value === 'string'
        ) {
          raw[part.fieldname as (typeof optionFields)[number]] = part.value;
        }
      }
      if (files.length === 0)
        throw new CodecardError('BAD_INPUT', { detail: 'no file in the upload' });
      const options = importOptions(raw);
      const submitted = files.map((file) => jobs.submit(file, options));
      if (request.query.wait === 'true') {
        const finished = await Promise.all(submitted.map((s) => s.finished));
        const failed = finished.every((job) => job.status === 'failed');
        return reply.status(failed ? 400 : 201).send({ jobs: finished.map(jobJson) });
      }
      return reply.status(202).send({ jobs: submitted.map((s) => jobJson(s.job)) });
    },
  );
}

/** Only the base name of an uploaded file is kept (no paths from the client). */
function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // Control characters never reach logs or the library.
  return (
    [...base]
      .filter((c) => c >= ' ')
      .join('')
      .slice(0, 200) || 'upload'
  );
}
