import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AccessContext } from '../../access/access-context.ts';
import { listApiKeys, revokeApiKey } from '../../access/api-keys.repository.ts';
import { createApiKey } from '../../access/api-keys.service.ts';
import { createInvite } from '../../access/invites.service.ts';
import { changeRole, removeMember } from '../../access/members.service.ts';
import { listMembers } from '../../access/users.repository.ts';
import {
  apiKeyParamsSchema,
  apiKeysSchema,
  createApiKeySchema,
  createdApiKeySchema,
  createdInviteSchema,
  createInviteSchema,
  doneSchema,
  membersSchema,
  roleChangeSchema,
  userParamsSchema,
} from '../../contracts/access.ts';
import { errorResponses } from '../../contracts/errors.ts';
import { isRole } from '../../domain/role.ts';
import { CodecardError } from '../../errors/codecard-error.ts';
import { access } from '../access/request-access.ts';
import { auditRequest } from '../access/audit-request.ts';
import { apiKeyJson } from '../access/api-key-json.ts';

/** An organization's members, invites and API keys: admins only. */
export function adminRoutes(app: FastifyInstance, accessCtx: AccessContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];
  const { db } = accessCtx;
  const me = (request: FastifyRequest) => {
    if (!request.principal) throw new CodecardError('SIGN_IN_REQUIRED');
    return request.principal;
  };

  r.get(
    '/api/admin/members',
    {
      ...access('admin'),
      schema: {
        tags,
        summary: "The organization's members and their roles",
        response: { 200: membersSchema, ...errorResponses },
      },
    },
    async (request) => ({
      members: (await listMembers(db, me(request).orgId)).flatMap((m) =>
        isRole(m.role)
          ? [
              {
                id: m.id,
                email: m.email,
                displayName: m.display_name,
                role: m.role,
                instanceAdmin: m.instance_admin,
                signsInWith: m.signs_in_with,
                createdAt: m.created_at.toISOString(),
              },
            ]
          : [],
      ),
    }),
  );

  r.post(
    '/api/admin/invites',
    {
      ...access('admin'),
      schema: {
        tags,
        summary: 'Invite someone with a role: a one-time link, valid for an hour',
        body: createInviteSchema,
        response: { 201: createdInviteSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = me(request);
      const token = await createInvite(accessCtx, {
        orgId: principal.orgId,
        role: request.body.role,
        email: request.body.email ?? null,
        instanceAdmin: false,
        createdBy: principal.userId,
      });
      await auditRequest(db, request, 'user.invite', 'ok', { type: 'role', id: request.body.role });
      const expiresAt = new Date(accessCtx.now().getTime() + accessCtx.policy.inviteMs);
      return reply.code(201).send({ token, expiresAt: expiresAt.toISOString() });
    },
  );

  r.put(
    '/api/admin/members/:id/role',
    {
      ...access('admin'),
      schema: {
        tags,
        summary: "Change a member's role",
        params: userParamsSchema,
        body: roleChangeSchema,
        response: { 200: roleChangeSchema, ...errorResponses },
      },
    },
    async (request) => {
      await changeRole(accessCtx, me(request).orgId, request.params.id, request.body.role);
      await auditRequest(db, request, 'user.role', 'ok', { type: 'user', id: request.params.id });
      return { role: request.body.role };
    },
  );

  r.delete(
    '/api/admin/members/:id',
    {
      ...access('admin'),
      schema: {
        tags,
        summary: 'Remove a member from the organization (their sessions end)',
        params: userParamsSchema,
        response: { 200: doneSchema, ...errorResponses },
      },
    },
    async (request) => {
      await removeMember(accessCtx, me(request).orgId, request.params.id);
      await auditRequest(db, request, 'user.remove', 'ok', { type: 'user', id: request.params.id });
      return { status: 'removed' as const };
    },
  );

  r.get(
    '/api/admin/api-keys',
    {
      ...access('admin'),
      schema: {
        tags,
        summary: "The organization's API keys (never the keys themselves)",
        response: { 200: apiKeysSchema, ...errorResponses },
      },
    },
    async (request) => ({ keys: (await listApiKeys(db, me(request).orgId)).map(apiKeyJson) }),
  );

  r.post(
    '/api/admin/api-keys',
    {
      ...access('admin'),
      schema: {
        tags,
        summary: 'Create an API key with a role; the key is in this reply only',
        body: createApiKeySchema,
        response: { 201: createdApiKeySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = me(request);
      const created = await createApiKey(accessCtx, {
        orgId: principal.orgId,
        name: request.body.name,
        role: request.body.role,
        createdBy: principal.userId,
      });
      await auditRequest(db, request, 'api-key.create', 'ok', { type: 'api-key', id: created.id });
      const at = accessCtx.now().toISOString();
      return reply.code(201).send({
        id: created.id,
        name: request.body.name,
        role: request.body.role,
        prefix: created.prefix,
        createdAt: at,
        lastUsedAt: null,
        revokedAt: null,
        key: created.key,
      });
    },
  );

  r.delete(
    '/api/admin/api-keys/:id',
    {
      ...access('admin'),
      schema: {
        tags,
        summary: 'Revoke an API key (at once, for good)',
        params: apiKeyParamsSchema,
        response: { 200: doneSchema, ...errorResponses },
      },
    },
    async (request) => {
      const at = accessCtx.now().toISOString();
      if (!(await revokeApiKey(db, me(request).orgId, request.params.id, at))) {
        throw new CodecardError('NOT_FOUND', { detail: `no live API key ${request.params.id}` });
      }
      await auditRequest(db, request, 'api-key.revoke', 'ok', {
        type: 'api-key',
        id: request.params.id,
      });
      return { status: 'revoked' as const };
    },
  );
}
