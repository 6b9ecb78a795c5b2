import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CodecardError } from '../../errors/codecard-error.ts';
import type { ImportJob, ImportJobs } from '../../library/import-jobs.ts';
import { importOptions } from '../../library/import-options.ts';
import {
  getDocumentSummary,
  listLibrary,
  removeDocument,
  summarize,
} from '../../library/library.service.ts';
import type { LibraryContext } from '../../library/library-context.ts';
import { readUpload } from '../multipart-upload.ts';

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
    fileName: job.input.fileName,
    status: job.status,
    progress: job.progress,
    createdAt: job.createdAt,
    ...(job.error ? { error: job.error } : {}),
    ...(job.outcome
      ? {
          result: {
            status: job.outcome.status,
            document: summarize(job.outcome.document),
            rowsRead: job.outcome.rowsRead,
            rowsStored: job.outcome.rowsStored,
            rowsSkipped: job.outcome.rowsSkipped,
            skippedReasons: job.outcome.skippedReasons,
            durationMs: Math.round(job.outcome.durationMs),
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

  r.delete(
    '/api/library/imports/:id',
    {
      schema: {
        tags: ['library'],
        summary: 'Cancel an upload (queued: at once; importing: rolled back at its next step)',
        params: z.object({ id: z.uuid() }),
      },
    },
    (request) => jobJson(jobs.cancel(request.params.id)),
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
      const { files, fields } = await readUpload(request, {
        maxUploadBytes,
        maxFiles: MAX_FILES_PER_UPLOAD,
        fields: optionFields,
      });
      if (files.length === 0)
        throw new CodecardError('BAD_INPUT', { detail: 'no file in the upload' });
      const options = importOptions(fields);
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
