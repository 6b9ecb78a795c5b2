import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AccessContext } from '../../access/access-context.ts';
import {
  ehrAccessRequestsSchema,
  ehrConnectionSchema,
  ehrStatusSchema,
  newEhrAccessRequestSchema,
} from '../../contracts/ehr.ts';
import { errorResponses } from '../../contracts/errors.ts';
import { CodecardError } from '../../errors/codecard-error.ts';
import { findEhrConnection, saveEhrConnection } from '../../ehr/ehr-connections.repository.ts';
import {
  hasOpenEhrAccessRequest,
  insertEhrAccessRequest,
  listOpenEhrAccessRequests,
} from '../../ehr/ehr-access-requests.repository.ts';
import { normalizeFhirBase } from '../../ehr/fhir-base.ts';
import { auditRequest } from '../access/audit-request.ts';
import { access } from '../access/request-access.ts';

/** The organization's EHR connection (admin), its status and requests for it (any member). */
export function ehrAdminRoutes(
  app: FastifyInstance,
  accessCtx: AccessContext,
  onConnectionChange: () => void,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ehr'];
  const db = accessCtx.db;
  const principal = (request: { principal: unknown }) => {
    const p = request.principal as { orgId: string; userId: string } | null;
    if (!p) throw new CodecardError('SIGN_IN_REQUIRED');
    return p;
  };

  r.get(
    '/api/ehr/connection',
    {
      ...access('admin'),
      schema: {
        tags,
        summary: 'The organization’s EHR connection (404 when none is set)',
        response: { 200: ehrConnectionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const connection = await findEhrConnection(db, principal(request).orgId);
      if (!connection) throw new CodecardError('NOT_FOUND', { detail: 'no EHR connection' });
      return {
        issuer: connection.issuer,
        clientId: connection.clientId,
        scopes: connection.scopes,
        frameAncestors: connection.frameAncestors,
        ...(connection.cdsIssuer === undefined ? {} : { cdsIssuer: connection.cdsIssuer }),
        ...(connection.cdsJwksUrl === undefined ? {} : { cdsJwksUrl: connection.cdsJwksUrl }),
      };
    },
  );

  r.put(
    '/api/ehr/connection',
    {
      ...access('admin'),
      schema: {
        tags,
        summary: 'Set the organization’s EHR connection (turns on case-specific answers)',
        body: ehrConnectionSchema,
        response: { 200: ehrConnectionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { orgId, userId } = principal(request);
      const body = { ...request.body, issuer: normalizeFhirBase(request.body.issuer) };
      if ((body.cdsIssuer === undefined) !== (body.cdsJwksUrl === undefined)) {
        throw new CodecardError('BAD_INPUT', {
          detail: 'give the CDS Hooks client’s issuer and JWKS URL together, or neither',
        });
      }
      if (!(await saveEhrConnection(db, orgId, body, userId))) {
        await auditRequest(db, request, 'ehr.connection', 'failed', { type: 'org', id: orgId });
        throw new CodecardError('BAD_INPUT', {
          detail: 'another organization has an EHR connection with this issuer or CDS client',
        });
      }
      await auditRequest(db, request, 'ehr.connection', 'ok', { type: 'org', id: orgId });
      onConnectionChange();
      return body;
    },
  );

  r.get(
    '/api/ehr/status',
    {
      ...access('viewer'),
      schema: {
        tags,
        summary: 'Whether case-specific answers are on for the caller’s organization',
        response: { 200: ehrStatusSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { orgId, userId } = principal(request);
      return {
        enabled: (await findEhrConnection(db, orgId)) !== null,
        requested: await hasOpenEhrAccessRequest(db, orgId, userId),
      };
    },
  );

  r.post(
    '/api/ehr/access-requests',
    {
      ...access('viewer'),
      schema: {
        tags,
        summary: 'Ask the organization’s admins for EHR integration (once while open)',
        body: newEhrAccessRequestSchema,
        response: { 200: ehrStatusSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { orgId, userId } = principal(request);
      const added = await insertEhrAccessRequest(db, { orgId, userId, note: request.body.note });
      if (added) {
        await auditRequest(db, request, 'ehr.access-request', 'ok', { type: 'org', id: orgId });
      }
      return { enabled: (await findEhrConnection(db, orgId)) !== null, requested: true };
    },
  );

  r.get(
    '/api/ehr/access-requests',
    {
      ...access('admin'),
      schema: {
        tags,
        summary: 'Open requests for EHR integration, newest first',
        response: { 200: ehrAccessRequestsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listOpenEhrAccessRequests(db, principal(request).orgId);
      return {
        requests: rows.map((row) => ({ ...row, requestedAt: row.requestedAt.toISOString() })),
      };
    },
  );
}
