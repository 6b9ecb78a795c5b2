import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readClaimFile } from '../../claims/claim-file.ts';
import {
  batchJobSchema,
  batchParamsSchema,
  batchQuerySchema,
  batchResultsQuerySchema,
  batchResultsResponse,
  type BatchJob,
} from '../../contracts/check-jobs.ts';
import { access } from '../access/request-access.ts';
import { auditRequest } from '../access/audit-request.ts';
import { errorResponses } from '../../contracts/errors.ts';
import { callerRateLimit } from '../rate-limits.ts';
import { CodecardError } from '../../errors/codecard-error.ts';
import { localeOption, settingOption } from '../../library/option-values.ts';
import type { ClaimResult } from '../../rules/claim-checker.ts';
import type { CheckJobs } from '../../check/check-jobs.ts';
import type { CheckJob } from '../../check/check-job.ts';
import { reportWriter, type ReportFormat } from '../../check/check-report.ts';
import { feeColumns } from '../../check/fee-columns.ts';
import { csvColumns, csvRows } from '../../domain/check-report-csv.ts';
import { csvCell } from '../../domain/csv-cell.ts';
import { today } from '../../library/option-values.ts';
import { downloadBody } from '../download-body.ts';
import { discardSpooled, openSpooled } from '../../library/intake/upload-spool.ts';
import type { SpooledFile } from '../../library/spooled-file.ts';
import { readUpload, type UploadSettings } from '../multipart-upload.ts';
import { serialSection } from '../../domain/serial-section.ts';

const uploadFields = ['setting', 'lang'] as const;

const contentTypes: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

export function checkJobJson(job: CheckJob): BatchJob {
  return {
    id: job.id,
    fileName: job.fileName,
    lang: job.lang,
    status: job.status,
    resumable: job.resumable,
    progress: job.progress,
    createdAt: job.createdAt,
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
    ...(job.summary ? { summary: job.summary } : {}),
    ...(job.error ? { error: job.error } : {}),
    ...(job.status === 'done' ? { results: `/api/checks/batch/${job.id}/results` } : {}),
  };
}

export function checkJobRoutes(
  app: FastifyInstance,
  jobs: CheckJobs,
  uploads: UploadSettings,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const intake = serialSection();

  r.post(
    '/api/checks/batch',
    {
      ...access('coder', callerRateLimit()),
      schema: {
        tags: ['checks'],
        summary:
          'Check a claim file (JSON, NDJSON, CSV or X12 837) as a background job (multipart: one file, optional setting and lang)',
        querystring: batchQuerySchema,
        response: { 202: batchJobSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { files, fields } = await readUpload(request, reply, uploads, {
        maxFiles: 2,
        fields: uploadFields,
      });
      const [file, extra] = files;
      // One upload's claims at a time between parsing and storing: 100,000 parsed claims take
      // a few hundred MB until they are stored, and concurrent batches held them side by side.
      const job = await intake(async () => {
        // The uploaded file is read back once, here, and deleted whatever the outcome.
        const { fileName, claims, lang } = await readSpooledClaims(uploads, files, async () => {
          if (!file)
            throw new CodecardError('BAD_INPUT', { detail: 'no claim file in the upload' });
          if (extra)
            throw new CodecardError('BAD_INPUT', { detail: 'upload one claim file per job' });
          const setting = settingOption(fields.setting, 'setting');
          const lang = localeOption(fields.lang ?? request.query.lang, 'lang');
          // Parsed here, not in the job: a malformed file is refused with a 400 at upload.
          const options = setting ? { setting } : {};
          const input = await openSpooled(uploads.spool.store, file);
          const claims = await readClaimFile(input, file.fileName, options);
          return { fileName: file.fileName, claims, lang };
        });
        return jobs.submitPacked(request.ctx, fileName, claims, lang);
      });
      await auditRequest(request.ctx.db, request, 'batch.run', 'ok', { type: 'batch', id: job.id });
      return reply.status(202).send(checkJobJson(job));
    },
  );

  r.get(
    '/api/checks/batch/:id',
    {
      ...access('coder'),
      schema: {
        tags: ['checks'],
        summary: 'Status, progress (claims checked) and summary of a batch check',
        params: batchParamsSchema,
        response: { 200: batchJobSchema, ...errorResponses },
      },
    },
    async (request) => checkJobJson(await jobs.get(request.ctx, request.params.id)),
  );

  r.delete(
    '/api/checks/batch/:id',
    {
      ...access('coder'),
      schema: {
        tags: ['checks'],
        summary: 'Cancel a batch check (queued: at once; running: before its next claim)',
        params: batchParamsSchema,
        response: { 200: batchJobSchema, ...errorResponses },
      },
    },
    async (request) => {
      const job = await jobs.cancel(request.ctx, request.params.id);
      await auditRequest(request.ctx.db, request, 'batch.cancel', 'ok', {
        type: 'batch',
        id: job.id,
      });
      return checkJobJson(job);
    },
  );

  r.post(
    '/api/checks/batch/:id/resume',
    {
      ...access('coder'),
      schema: {
        tags: ['checks'],
        summary:
          'Resume a failed batch check (e.g. one the server stopped under) after its last stored result',
        params: batchParamsSchema,
        response: { 202: batchJobSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const job = await jobs.resume(request.ctx, request.params.id);
      await auditRequest(request.ctx.db, request, 'batch.resume', 'ok', {
        type: 'batch',
        id: job.id,
      });
      return reply.status(202).send(checkJobJson(job));
    },
  );

  r.get(
    '/api/checks/batch/:id/results',
    {
      ...access('coder'),
      schema: {
        tags: ['checks'],
        summary:
          'Download the results of a finished batch check (json, ndjson or csv), or with limit (and after) one JSON page of the results stored so far',
        params: batchParamsSchema,
        querystring: batchResultsQuerySchema,
        response: { 200: batchResultsResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { format, after, limit } = request.query;
      if (limit !== undefined || after !== undefined) {
        if (format !== 'json' || limit === undefined)
          throw new CodecardError('BAD_INPUT', {
            detail: 'pages (after, limit) are JSON and need a limit; leave both out to download',
          });
        const page = await jobs.resultsPage(request.ctx, id, after ?? 0, limit);
        await auditRequest(request.ctx.db, request, 'read.claims', 'ok', { type: 'batch', id });
        return reply.header('cache-control', 'no-store').send(page);
      }
      const locality = request.query['fee-locality'];
      if (locality !== undefined && format !== 'csv')
        throw new CodecardError('BAD_INPUT', {
          detail: 'fee-locality adds CSV columns: use format=csv',
        });
      const results = await jobs.results(request.ctx, id);
      await auditRequest(request.ctx.db, request, 'read.claims', 'ok', { type: 'batch', id });
      const fees =
        locality === undefined
          ? null
          : feeColumns(request.ctx, locality, request.query['fee-date'] ?? today());
      return reply
        .header('content-type', contentTypes[format])
        .header('content-disposition', `attachment; filename="checks-${id}.${format}"`)
        .send(downloadBody(Readable.from(reportChunks(results, format, fees))));
    },
  );
}

/** Runs `read` over an upload's files, then deletes them whatever happened. */
async function readSpooledClaims<T>(
  uploads: UploadSettings,
  files: readonly SpooledFile[],
  read: () => Promise<T>,
) {
  try {
    return await read();
  } finally {
    await discardSpooled(uploads.spool.store, files);
  }
}

/** The report in pieces of about 64 KB: a large batch is never one string in memory. */
async function* reportChunks(
  results: AsyncIterable<ClaimResult>,
  format: ReportFormat,
  fees: ReturnType<typeof feeColumns> | null,
): AsyncGenerator<string> {
  const writer = fees ? feeCsvWriter(fees) : reportWriter(format);
  let chunk = writer.head();
  for await (const result of results) {
    chunk += await writer.item(result);
    if (chunk.length >= 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk + writer.tail();
}

/** The CSV report with the fee columns after each row's own (one row per finding). */
function feeCsvWriter(fees: ReturnType<typeof feeColumns>) {
  return {
    head: () => `${csvColumns.join(',')},${fees.head()}\n`,
    item: async (result: ClaimResult) => {
      const extra = await fees.rows(result);
      return csvRows(result)
        .map((row, i) => `${row.map(csvCell).join(',')},${extra[i] ?? ''}\n`)
        .join('');
    },
    tail: () => '',
  };
}
