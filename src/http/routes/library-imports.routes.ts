import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../access/request-access.ts';
import { importTarget } from '../access/import-target.ts';
import { auditRequest } from '../access/audit-request.ts';
import { errorResponses } from '../../contracts/errors.ts';
import {
  importJobSchema,
  importParamsSchema,
  uploadFields,
  uploadQuerySchema,
  uploadResponseSchema,
  type ImportJob as ImportJobReply,
} from '../../contracts/library.ts';
import { CodecardError } from '../../errors/codecard-error.ts';
import type { ImportJob, ImportJobs } from '../../library/import-jobs.ts';
import { importOptions } from '../../library/import-options.ts';
import { summarize } from '../../library/library.service.ts';
import { discardOnFailure, readUpload, type UploadSettings } from '../multipart-upload.ts';

const MAX_FILES_PER_UPLOAD = 20;

export function jobJson(job: ImportJob): ImportJobReply {
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

/** Uploads: files submitted as import jobs, their progress and result, and cancelling one. */
export function libraryImportRoutes(
  app: FastifyInstance,
  jobs: ImportJobs,
  uploads: UploadSettings,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/library/imports/:id',
    {
      ...access('librarian'),
      schema: {
        tags: ['library'],
        summary: 'Progress and result of an upload',
        params: importParamsSchema,
        response: { 200: importJobSchema, ...errorResponses },
      },
    },
    async (request) => jobJson(await jobs.get(request.ctx.orgId, request.params.id)),
  );

  r.delete(
    '/api/library/imports/:id',
    {
      ...access('librarian'),
      schema: {
        tags: ['library'],
        summary: 'Cancel an upload (queued: at once; importing: rolled back at its next step)',
        params: importParamsSchema,
        response: { 200: importJobSchema, ...errorResponses },
      },
    },
    async (request) => {
      const job = await jobs.cancel(request.ctx.orgId, request.params.id);
      await auditRequest(request.ctx.db, request, 'import.cancel', 'ok', {
        type: 'import',
        id: job.id,
      });
      return jobJson(job);
    },
  );

  r.post(
    '/api/library/documents',
    {
      ...access('librarian'),
      schema: {
        tags: ['library'],
        summary:
          'Upload files (multipart: files plus optional kind, setting, effective, title, system)',
        querystring: uploadQuerySchema,
        response: {
          201: uploadResponseSchema,
          202: uploadResponseSchema,
          400: uploadResponseSchema.or(errorResponses['4xx']),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { files, fields } = await readUpload(request, reply, uploads, {
        maxFiles: MAX_FILES_PER_UPLOAD,
        fields: uploadFields,
      });
      const { options, target } = await discardOnFailure(uploads, files, async () => {
        if (files.length === 0)
          throw new CodecardError('BAD_INPUT', { detail: 'no file in the upload' });
        return {
          options: importOptions(fields),
          target: await importTarget(request, request.query.library),
        };
      });
      // From here each job owns its file and deletes it when it ends.
      const submitted: ImportJob[] = [];
      for (const file of files)
        submitted.push(await jobs.submit(target, file, options, request.ctx.orgId));
      for (const job of submitted) {
        await auditRequest(request.ctx.db, request, 'document.upload', 'ok', {
          type: 'import',
          id: job.id,
        });
      }
      if (request.query.wait === 'true') {
        const orgId = request.ctx.orgId;
        const finished = await Promise.all(submitted.map((job) => jobs.finished(orgId, job.id)));
        const failed = finished.every((job) => job.status === 'failed');
        return reply.status(failed ? 400 : 201).send({ jobs: finished.map(jobJson) });
      }
      return reply.status(202).send({ jobs: submitted.map(jobJson) });
    },
  );
}
