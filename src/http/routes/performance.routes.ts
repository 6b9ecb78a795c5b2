import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditRequest } from '../access/audit-request.ts';
import { access } from '../access/request-access.ts';
import { errorResponses } from '../../contracts/errors.ts';
import {
  performanceCsvResponse,
  performanceQuerySchema,
  performanceReportSchema,
} from '../../contracts/performance.ts';
import { performanceCsv } from '../../performance/performance-csv.ts';
import { performanceReport } from '../../performance/performance.service.ts';

/** The Performance dashboard's measures, as JSON and as a CSV download. */
export function performanceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/performance',
    {
      ...access('admin'),
      schema: {
        tags: ['performance'],
        summary:
          'Answers, checks and library gaps over a range of days (default the last 30, by day)',
        querystring: performanceQuerySchema,
        response: { 200: performanceReportSchema, ...errorResponses },
      },
    },
    async (request) => {
      const report = await performanceReport(request.ctx, request.query);
      // The gaps list shows stored (masked) question text: a read of stored questions.
      await auditRequest(request.ctx.db, request, 'read.questions', 'ok', {
        type: 'performance',
        id: report.range.from,
      });
      return report;
    },
  );
  r.get(
    '/api/performance.csv',
    {
      ...access('admin'),
      schema: {
        tags: ['performance'],
        summary: 'The per-period series and top lists of /api/performance, as CSV',
        querystring: performanceQuerySchema,
        response: { 200: performanceCsvResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const report = await performanceReport(request.ctx, request.query);
      await auditRequest(request.ctx.db, request, 'export', 'ok', {
        type: 'performance',
        id: report.range.from,
      });
      const name = `codecard-performance-${report.range.from}-to-${report.range.to}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(performanceCsv(report));
    },
  );
}
