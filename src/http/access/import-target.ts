import type { FastifyRequest } from 'fastify';
import { REFERENCE_ORG } from '../../domain/reference-org.ts';
import { CodecardError } from '../../errors/codecard-error.ts';
import { forOrg, type LibraryContext } from '../../library/library-context.ts';
import { auditRequest } from './audit-request.ts';

/**
 * Where an upload lands: the caller's organization, or with `?library=reference` the
 * instance-wide reference data, which only an instance admin signed in with a session may
 * change (an API key never can).
 */
export async function importTarget(
  request: FastifyRequest,
  library: 'organization' | 'reference' | undefined,
): Promise<LibraryContext> {
  if (library !== 'reference') return request.ctx;
  const principal = request.principal;
  if (!principal?.instanceAdmin || principal.kind !== 'session') {
    await auditRequest(request.ctx.db, request, 'access.denied', 'denied', {
      type: 'library',
      id: REFERENCE_ORG,
    });
    throw new CodecardError('FORBIDDEN', {
      role: principal?.role ?? 'none',
      action: 'change the instance-wide reference data',
      needed: 'instance-admin',
    });
  }
  return forOrg(request.ctx, REFERENCE_ORG);
}
