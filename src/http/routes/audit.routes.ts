import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { auditCsv } from '../../access/audit-csv.ts';
import { listAudit, type AuditRow } from '../../access/audit.repository.ts';
import type { Db } from '../../db/database.ts';
import { auditCsvResponse, auditPageSchema, auditQuerySchema } from '../../contracts/access.ts';
import { errorResponses } from '../../contracts/errors.ts';
import { CodecardError } from '../../errors/codecard-error.ts';
import { access } from '../access/request-access.ts';
import { auditRequest } from '../access/audit-request.ts';

const CSV_MAX_ROWS = 100_000;

/** The organization's audit log for its admins: filtered pages and a CSV export. */
export function auditRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];
  const rowsFor = (
    request: FastifyRequest,
    query: z.infer<typeof auditQuerySchema>,
    limit: number,
  ) => {
    if (!request.principal) throw new CodecardError('SIGN_IN_REQUIRED');
    return listAudit(db, {
      orgId: request.principal.orgId,
      action: query.action,
      outcome: query.outcome,
      actorUserId: query.user,
      from: query.from,
      to: query.to,
      before: query.before,
      limit,
    });
  };

  r.get(
    '/api/admin/audit',
    {
      ...access('admin'),
      schema: {
        tags,
        summary: 'Who did what and when, newest first (filters: action, outcome, user, dates)',
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const rows = await rowsFor(request, request.query, request.query.limit + 1);
      const page = rows.slice(0, request.query.limit);
      const more = rows.length > request.query.limit;
      return { entries: page.map(entryJson), next: more ? (page.at(-1)?.id ?? null) : null };
    },
  );

  r.get(
    '/api/admin/audit.csv',
    {
      ...access('admin'),
      schema: {
        tags,
        summary: 'The filtered audit log as CSV',
        querystring: auditQuerySchema,
        response: { 200: auditCsvResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const rows = await rowsFor(request, request.query, CSV_MAX_ROWS);
      await auditRequest(db, request, 'export', 'ok', {
        type: 'audit-log',
        id: String(rows.length),
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="codecard-audit.csv"')
        .send(auditCsv(rows));
    },
  );
}

function entryJson(row: AuditRow) {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorUserId: row.actor_user_id,
    actorEmail: row.actor_email,
    apiKeyId: row.actor_api_key_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    outcome: row.outcome,
    ip: row.ip,
  };
}
