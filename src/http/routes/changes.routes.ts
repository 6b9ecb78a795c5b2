import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changesCsv } from '../../changes/changes-csv.ts';
import { diffReleases, listReleases } from '../../changes/release-diff.ts';
import { changesQuerySchema, changesResponse, releasesSchema } from '../../contracts/changes.ts';
import { errorResponses } from '../../contracts/errors.ts';
import { auditRequest } from '../access/audit-request.ts';
import { access } from '../access/request-access.ts';

/** What changed between two releases of a dataset (JSON or a CSV download), and the releases. */
export function changesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/changes/releases',
    {
      ...access('viewer'),
      schema: {
        tags: ['changes'],
        summary: 'The releases a diff can compare (NCCI PTP and MUE, HCPCS, ICD-10-CM, RVU, GPCI)',
        response: { 200: releasesSchema, ...errorResponses },
      },
    },
    async (request) => ({ releases: await listReleases(request.ctx) }),
  );
  r.get(
    '/api/changes',
    {
      ...access('viewer'),
      schema: {
        tags: ['changes'],
        summary:
          'What changed between two releases of a dataset (named by release label, version id or effective date), optionally for some codes; format=csv downloads it',
        querystring: changesQuerySchema,
        response: { 200: changesResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { from, to, dataset, codes, format } = request.query;
      const list = codes
        ?.split(',')
        .map((code) => code.trim())
        .filter((code) => code !== '');
      const diff = await diffReleases(request.ctx, {
        from,
        to,
        ...(dataset ? { dataset } : {}),
        ...(list && list.length > 0 ? { codes: list } : {}),
      });
      if (format === 'json') return diff;
      await auditRequest(request.ctx.db, request, 'export', 'ok', {
        type: 'changes',
        id: `${diff.from.documentId}-${diff.to.documentId}`,
      });
      const name = `codecard-changes-${diff.from.documentId}-to-${diff.to.documentId}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(changesCsv([diff]));
    },
  );
}
