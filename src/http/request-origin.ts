import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CodecardError } from '../errors/codecard-error.ts';
import { jwtBearer } from './access/jwt-bearer.ts';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Two fences every request passes before a route runs:
 * - **Host allow-list.** Only the configured public address (or, by default, loopback names on
 *   any port) is served, so a DNS-rebinding page cannot talk to a Codecard on localhost. The
 *   anonymous health probes answer any host.
 * - **No cross-site writes.** A state-changing request a browser sends from another site (a
 *   `no-cors` form or fetch: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not Codecard's)
 *   is refused with 403 before its body is read. Requests without these headers come from
 *   programs (the CLI, curl, integrations), which a browser page cannot impersonate. A CDS Hooks
 *   call carrying the EHR's JWT is let through here: a browser sends an `Authorization` header
 *   cross-site only after a CORS preflight, and the route checks the Origin against the
 *   verified EHR connection's origins (src/http/cds-client-auth.ts).
 */
export function guardRequestOrigin(app: FastifyInstance, publicUrl: URL | null): void {
  app.addHook('onRequest', (request, _reply, done) => {
    done(refusal(request, publicUrl));
  });
}

function refusal(request: FastifyRequest, publicUrl: URL | null): CodecardError | undefined {
  // Health probes come from orchestrators by the machine's own address and say nothing private.
  if (request.routeOptions.config.anonymous === true && safeMethods.has(request.method)) return;
  const host = request.headers.host ?? '';
  if (!hostAllowed(host, publicUrl)) return new CodecardError('UNKNOWN_HOST', { host });
  if (safeMethods.has(request.method)) return undefined;
  if (request.routeOptions.config.cdsClient === true && jwtBearer(request) !== null) return;
  const origin = crossSiteOrigin(request, publicUrl ? publicUrl.origin : null);
  return origin === null ? undefined : new CodecardError('CROSS_SITE_REQUEST', { origin });
}

export function hostAllowed(host: string, publicUrl: URL | null): boolean {
  if (publicUrl) return host.toLowerCase() === publicUrl.host.toLowerCase();
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return loopbackHosts.has((name ?? '').toLowerCase());
}

/** The other site a write came from, or null when it came from Codecard itself or a program. */
function crossSiteOrigin(request: FastifyRequest, publicOrigin: string | null): string | null {
  const site = header(request, 'sec-fetch-site');
  const origin = header(request, 'origin');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return origin ?? site;
  if (origin === undefined) return null;
  // Without a configured address, Codecard's own origin is the one the request was sent to.
  const expected = publicOrigin ?? `${request.protocol}://${request.headers.host ?? ''}`;
  return origin.toLowerCase() === expected.toLowerCase() ? null : origin;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
