import type { FastifyRequest } from 'fastify';
import { appendAudit } from '../access/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { CdsClientRefusal, verifyCdsClientJwt } from '../ehr/cds-client-jwt.ts';
import { forOrg, type LibraryContext } from '../library/library-context.ts';
import { jwtBearer } from './access/jwt-bearer.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The organization whose EHR signed this CDS Hooks call's JWT (null otherwise). */
    cdsClientOrg: string | null;
  }
}

/**
 * The route hook of the CDS Hooks services: a JWT bearer is verified as the EHR's
 * (src/ehr/cds-client-jwt.ts) against this service's URL, a cross-site Origin must be one the
 * connection names, and the call then runs as that organization. Refusals are audited and
 * answered 401 CDS_CLIENT_REFUSED. Other bearers (API keys) were resolved by guard-access.
 */
export function cdsClientAuth(db: Db, base: LibraryContext, publicUrl: URL | null) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = jwtBearer(request);
    if (token === null) return;
    const own = codecardOrigin(request, publicUrl);
    const audience = `${own}${request.url.split('?')[0] ?? ''}`;
    try {
      const client = await verifyCdsClientJwt(db, token, audience);
      const origin = request.headers.origin;
      const allowed = client.origins.map((url) => new URL(url).origin);
      if (origin !== undefined && origin !== own && !allowed.includes(origin)) {
        throw new CdsClientRefusal(
          'the call came from an origin the connection does not name',
          client.orgId,
        );
      }
      request.cdsClientOrg = client.orgId;
      request.ctx = forOrg(base, client.orgId);
    } catch (error) {
      if (error instanceof CdsClientRefusal) {
        await appendAudit(db, {
          orgId: error.orgId,
          actorUserId: null,
          actorApiKeyId: null,
          action: 'access.denied',
          outcome: 'denied',
          targetType: 'cds-client',
          targetId: String(error.params.reason),
          ip: request.ip,
        });
      }
      throw error;
    }
  };
}

/** Codecard's address as the caller reached it (the configured public address when set). */
export function codecardOrigin(request: FastifyRequest, publicUrl: URL | null): string {
  return publicUrl ? publicUrl.origin : `${request.protocol}://${request.headers.host ?? ''}`;
}
