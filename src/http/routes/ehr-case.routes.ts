import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AccessContext } from '../../access/access-context.ts';
import { ehrCaseSchema } from '../../contracts/ehr.ts';
import { errorResponses } from '../../contracts/errors.ts';
import { CodecardError } from '../../errors/codecard-error.ts';
import { checkCase } from '../../ehr/case-check.ts';
import { openCaseToken } from '../../ehr/case-token.ts';
import { findEhrConnection } from '../../ehr/ehr-connections.repository.ts';
import type { EhrSeal } from '../../ehr/ehr-seal.ts';
import { readFhirCase } from '../../ehr/fhir-reader.ts';
import { readingContext } from '../../rules/library-version-reader.ts';
import { auditRequest } from '../access/audit-request.ts';
import { access } from '../access/request-access.ts';

/**
 * GET /api/ehr/case: the encounter of the caller's case token (`X-Codecard-Case`), read from the
 * EHR now (nothing kept) and checked. Gated: 403 EHR_NOT_CONNECTED without the organization's
 * connection; 401 EHR_CASE_REQUIRED for a missing, expired or someone else's case token.
 */
export function ehrCaseRoutes(app: FastifyInstance, accessCtx: AccessContext, seal: EhrSeal): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/ehr/case',
    {
      ...access('viewer'),
      schema: {
        tags: ['ehr'],
        summary: 'The open EHR case (X-Codecard-Case) with its claim check',
        response: { 200: ehrCaseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const principal = request.principal;
      if (!principal) throw new CodecardError('SIGN_IN_REQUIRED');
      const connection = await findEhrConnection(accessCtx.db, principal.orgId);
      if (!connection) throw new CodecardError('EHR_NOT_CONNECTED');
      const header = request.headers['x-codecard-case'];
      if (typeof header !== 'string' || header === '')
        throw new CodecardError('EHR_CASE_REQUIRED', { reason: 'no case token' });
      const token = openCaseToken(await seal.get(), header, accessCtx.now());
      if (!token) throw new CodecardError('EHR_CASE_REQUIRED', { reason: 'expired or invalid' });
      if (token.orgId !== principal.orgId || token.userId !== principal.userId)
        throw new CodecardError('EHR_CASE_REQUIRED', { reason: 'the case is another user’s' });
      if (token.iss !== connection.issuer)
        throw new CodecardError('EHR_CASE_REQUIRED', { reason: 'the EHR connection changed' });
      const resources = await readFhirCase(token, (read) =>
        auditRequest(accessCtx.db, request, 'fhir.read', read.ok ? 'ok' : 'failed', {
          type: read.resourceType,
          id: read.target,
        }),
      );
      // Reference data from the read replica when it is current, as the claim check reads it.
      return checkCase(await readingContext(request.ctx), resources);
    },
  );
}
