import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessContext } from '../../access/access-context.ts';
import { resolveApiKey } from '../../access/api-keys.service.ts';
import { resolveSession } from '../../access/sessions.service.ts';
import { countUsers } from '../../access/users.repository.ts';
import type { Principal, RouteAccess } from '../../domain/principal.ts';
import { roleIncludes } from '../../domain/role.ts';
import { CodecardError } from '../../errors/codecard-error.ts';
import { forOrg, type LibraryContext } from '../../library/library-context.ts';
import { auditRequest } from './audit-request.ts';
import { jwtBearer } from './jwt-bearer.ts';
import { sessionCookieName } from './session-cookie.ts';

/**
 * Every /api route declares who may call it (`config.access`); a route without one fails at
 * start, so a new route cannot be open by accident. Each request is resolved to a principal
 * (API key or session id in `Authorization: Bearer`, else the session cookie) before its body is read, and
 * gets the library as its organization sees it (`request.ctx`).
 */
export function guardAccess(
  app: FastifyInstance,
  base: LibraryContext,
  access: AccessContext,
  secureCookies: boolean,
): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('ctx', null as unknown as LibraryContext);
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (url.startsWith('/api/') && route.config?.access === undefined) {
      throw new Error(`route ${String(route.method)} ${url} declares no access level`);
    }
  });
  let someoneExists = false;
  app.addHook('onRequest', async (request) => {
    const needed = request.routeOptions.config.access;
    if (needed === undefined) return;
    if (needed === 'public' && request.routeOptions.config.anonymous === true) return;
    // The EHR's JWT on a CDS Hooks call: the route verifies it and sets the organization.
    if (request.routeOptions.config.cdsClient === true && jwtBearer(request) !== null) return;
    request.principal = await principalOf(request, access, secureCookies);
    if (needed === 'public') return;
    if (!someoneExists) someoneExists = (await countUsers(access.db)) > 0;
    if (!someoneExists) throw new CodecardError('SETUP_REQUIRED');
    const principal = request.principal;
    if (!principal) throw new CodecardError('SIGN_IN_REQUIRED');
    if (!allows(principal, needed)) {
      await auditRequest(access.db, request, 'access.denied', 'denied', {
        type: 'route',
        id: `${request.method} ${request.routeOptions.url ?? ''}`,
      });
      throw new CodecardError('FORBIDDEN', {
        role: principal.role,
        action: `${request.method} ${request.routeOptions.url ?? ''}`,
        needed,
      });
    }
    request.ctx = forOrg(base, principal.orgId);
  });
}

function allows(principal: Principal, needed: RouteAccess): boolean {
  if (needed === 'public') return true;
  if (needed === 'instance-admin') return principal.instanceAdmin && principal.kind === 'session';
  return roleIncludes(principal.role, needed);
}

async function principalOf(
  request: FastifyRequest,
  access: AccessContext,
  secureCookies: boolean,
): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const token = match?.[1];
    // A session id as a bearer: the page inside an EHR iframe, where cookies may not be kept.
    const resolve = token?.startsWith('ccs_') ? resolveSession : resolveApiKey;
    const principal = token ? await resolve(access, token) : null;
    // A wrong key is an error, not an anonymous request: the caller meant to sign in.
    if (!principal) throw new CodecardError('SIGN_IN_REQUIRED');
    return principal;
  }
  const cookie = request.cookies[sessionCookieName(secureCookies)];
  return cookie ? resolveSession(access, cookie) : null;
}
