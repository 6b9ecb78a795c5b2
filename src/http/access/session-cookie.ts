import type { FastifyReply } from 'fastify';

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on another site's
 * POST), and behind HTTPS Secure with the __Host- prefix (only this host, only over TLS).
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-codecard_session' : 'codecard_session';
}

export function setSessionCookie(
  reply: FastifyReply,
  secure: boolean,
  secret: string,
  expiresAt: Date,
): void {
  reply.setCookie(sessionCookieName(secure), secret, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(sessionCookieName(secure), {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
  });
}
