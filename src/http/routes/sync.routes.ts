import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.ts';
import { errorResponses } from '../../contracts/errors.ts';
import { syncJobSchema, syncStatusSchema } from '../../contracts/sync.ts';
import type { ReleaseSyncJobs } from '../../sync/sync-jobs.ts';
import type { ReleaseSyncSettings } from '../../sync/sync-settings.ts';
import { syncStatus } from '../../sync/sync-status.ts';
import { access } from '../access/request-access.ts';
import { auditRequest } from '../access/audit-request.ts';

/**
 * The release sync of the instance-wide reference data: its status per dataset (admins, as for
 * the reference datasets) and a sync on demand (instance admins: it changes the reference data).
 */
export function syncRoutes(
  app: FastifyInstance,
  options: { jobs: ReleaseSyncJobs; settings: ReleaseSyncSettings; scheduleDb: Db },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/sync/status',
    {
      ...access('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Release sync per dataset: last check, newest release held, next expected',
        response: { 200: syncStatusSchema, ...errorResponses },
      },
    },
    async (request) =>
      syncStatus(request.ctx, options.settings, { scheduleDb: options.scheduleDb }),
  );
  r.post(
    '/api/sync',
    {
      ...access('instance-admin'),
      schema: {
        tags: ['instance'],
        summary: 'Check the mirror for new releases now (a job; one at a time)',
        response: { 202: syncJobSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const job = await options.jobs.submit(request.principal?.userId ?? null);
      await auditRequest(request.ctx.db, request, 'reference.sync', 'ok', {
        type: 'job',
        id: job.id,
      });
      return reply.code(202).send({ id: job.id, status: job.status });
    },
  );
}
