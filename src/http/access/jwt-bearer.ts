import type { FastifyRequest } from 'fastify';
import { looksLikeJwt } from '../../ehr/cds-client-jwt.ts';

/** The JWT in `Authorization: Bearer`, or null (no header, or an API key or session id). */
export function jwtBearer(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  const token = match?.[1];
  return token !== undefined && looksLikeJwt(token) ? token : null;
}
