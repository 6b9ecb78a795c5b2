import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AccessContext } from '../../access/access-context.ts';
import { createInvite } from '../../access/invites.service.ts';
import { insertOrg, listOrgs } from '../../access/orgs.repository.ts';
import { createdOrgSchema, createOrgSchema, orgsSchema } from '../../contracts/access.ts';
import { errorResponses } from '../../contracts/errors.ts';
import { CodecardError } from '../../errors/codecard-error.ts';
import { access } from '../access/request-access.ts';
import { auditRequest } from '../access/audit-request.ts';

/** Organizations on this instance: instance admins only. */
export function orgRoutes(app: FastifyInstance, accessCtx: AccessContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['instance'];
  r.get(
    '/api/instance/orgs',
    {
      ...access('instance-admin'),
      schema: {
        tags,
        summary: 'Every organization on this instance',
        response: { 200: orgsSchema, ...errorResponses },
      },
    },
    async () => ({ orgs: await listOrgs(accessCtx.db) }),
  );
  r.post(
    '/api/instance/orgs',
    {
      ...access('instance-admin'),
      schema: {
        tags,
        summary: 'Create an organization, optionally with an invite for its first admin',
        body: createOrgSchema,
        response: { 201: createdOrgSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id, name, adminEmail } = request.body;
      if (!(await insertOrg(accessCtx.db, { id, name }))) {
        throw new CodecardError('BAD_INPUT', { detail: `organization ${id} exists already` });
      }
      await auditRequest(accessCtx.db, request, 'org.create', 'ok', { type: 'org', id });
      const token = adminEmail
        ? await createInvite(accessCtx, {
            orgId: id,
            role: 'admin',
            email: adminEmail,
            instanceAdmin: false,
            createdBy: request.principal?.userId ?? null,
          })
        : null;
      const expiresAt = new Date(accessCtx.now().getTime() + accessCtx.policy.inviteMs);
      return reply.code(201).send({
        id,
        name,
        adminInvite: token ? { token, expiresAt: expiresAt.toISOString() } : null,
      });
    },
  );
}
