import type { FastifyRequest } from 'fastify';
import type { AccessContext } from '../../access/access-context.ts';
import { CodecardError } from '../../errors/codecard-error.ts';
import { openCaseToken } from '../../ehr/case-token.ts';
import { findEhrConnection } from '../../ehr/ehr-connections.repository.ts';
import type { EhrSeal } from '../../ehr/ehr-seal.ts';
import type { FhirCaseResources } from '../../ehr/fhir-case-resources.ts';
import { readFhirCase } from '../../ehr/fhir-reader.ts';
import { auditRequest } from '../access/audit-request.ts';

/** Whether the request carries a case token (`X-Codecard-Case`), valid or not. */
export function hasCaseHeader(request: FastifyRequest): boolean {
  const header = request.headers['x-codecard-case'];
  return typeof header === 'string' && header !== '';
}

/**
 * The encounter of the caller's case token (`X-Codecard-Case`), read from the EHR now (each read
 * audited, nothing kept). Refused: 403 EHR_NOT_CONNECTED without the organization's connection;
 * 401 EHR_CASE_REQUIRED for a missing, expired or someone else's case token.
 */
export async function readRequestCase(
  accessCtx: AccessContext,
  seal: EhrSeal,
  request: FastifyRequest,
): Promise<FhirCaseResources> {
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
  return readFhirCase(token, (read) =>
    auditRequest(accessCtx.db, request, 'fhir.read', read.ok ? 'ok' : 'failed', {
      type: read.resourceType,
      id: read.target,
    }),
  );
}
