import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';

/** Who made a request, once authentication has run (issue 14: accounts and API keys). */
interface Principal {
  userId: string;
  apiKeyId: string | null;
}

/**
 * The rate-limit bucket of a request: its API key, else its user, else its address. A key and
 * its owner's browser sessions count apart, so a busy integration does not lock its owner out of
 * the app; callers that have not signed in share their address's bucket.
 */
export function callerKey(request: FastifyRequest): string {
  // request.principal is declared by the access layer; read defensively so this keeps working
  // (as an address limit) where no authentication has run.
  const principal = (request as { principal?: Principal | null }).principal;
  if (principal?.apiKeyId) return `key:${principal.apiKeyId}`;
  if (principal) return `user:${principal.userId}`;
  // The plugin's own normalization: IPv4-mapped IPv6 as IPv4, and an IPv6 address as its /64,
  // since one machine can use every address in its /64.
  return `ip:${normalizeIP(request.ip)}`;
}
