import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AccessContext } from '../../access/access-context.ts';
import { appendAudit } from '../../access/audit.repository.ts';
import { startSession } from '../../access/sessions.service.ts';
import { SsoClient, type PendingSignIn } from '../../access/sso-client.ts';
import { Sealer } from '../../access/sso-seal.ts';
import { signInWithSso } from '../../access/sso-sign-in.service.ts';
import { SSO_CALLBACK_PATH, type SsoConfig } from '../../config/sso-config.ts';
import { errorResponses } from '../../contracts/errors.ts';
import { ssoRedirectSchema, ssoStartQuerySchema } from '../../contracts/sso.ts';
import { CodecardError } from '../../errors/codecard-error.ts';
import { access } from '../access/request-access.ts';
import { setSessionCookie } from '../access/session-cookie.ts';
import { safeReturnTo } from './sso-return-to.ts';

export interface SsoRouteOptions {
  access: AccessContext;
  secureCookies: boolean;
  sso: SsoConfig;
}

// The state, nonce and PKCE verifier wait in a sealed cookie (no table, nothing to clean up)
// for as long as a person may take at the provider's sign-in page.
const PENDING_MS = 10 * 60_000;
const PENDING_COOKIE = 'codecard_sso';
const cookiePath = '/api/auth/sso';

/** Signing in with the OpenID provider: start (to the provider) and callback (back here). */
export function ssoRoutes(app: FastifyInstance, options: SsoRouteOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  const client = new SsoClient(options.sso);
  const sealer = new Sealer(options.sso.clientSecret);

  r.get(
    '/api/auth/sso/start',
    {
      ...access('public'),
      schema: {
        tags,
        summary: 'Sign in with the organization’s identity provider (redirects to it)',
        querystring: ssoStartQuerySchema,
        response: { 302: ssoRedirectSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      try {
        const { url, pending } = await client.begin(safeReturnTo(request.query.returnTo));
        const expires = new Date(options.access.now().getTime() + PENDING_MS);
        reply.setCookie(PENDING_COOKIE, sealer.seal(pending, expires), {
          httpOnly: true,
          // Lax: the cookie comes back on the provider's top-level redirect to the callback.
          sameSite: 'lax',
          secure: options.secureCookies,
          path: cookiePath,
          maxAge: PENDING_MS / 1000,
        });
        return await reply.redirect(url.href, 302);
      } catch (error) {
        return failed(request, reply, options, toSsoError(error), null);
      }
    },
  );

  r.get(
    SSO_CALLBACK_PATH,
    {
      ...access('public'),
      schema: {
        tags,
        summary: 'Where the identity provider returns: signs in and redirects',
        response: { 302: ssoRedirectSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const sealed = request.cookies[PENDING_COOKIE];
      // One use: a callback replayed with the same cookie finds nothing.
      reply.clearCookie(PENDING_COOKIE, { path: cookiePath, secure: options.secureCookies });
      try {
        const pending = sealed ? pendingFrom(sealer.open(sealed, options.access.now())) : null;
        if (!pending) throw new CodecardError('SSO_FAILED', { reason: 'expired or not started' });
        // The URL as the provider sent it, on the registered redirect URI's origin.
        const here = new URL(request.url, options.sso.redirectUri);
        const claims = await client.finish(here, pending);
        const signedIn = await signInWithSso(options.access, options.sso, claims);
        if (!signedIn.ok)
          return await failed(request, reply, options, signedIn.error, signedIn.userId);
        const session = await startSession(options.access, signedIn.userId, signedIn.orgId);
        setSessionCookie(reply, options.secureCookies, session.secret, session.expiresAt);
        await audit(request, options, signedIn.userId, 'ok');
        return await reply.redirect(pending.returnTo, 302);
      } catch (error) {
        return failed(request, reply, options, toSsoError(error), null);
      }
    },
  );
}

/** A refused sign-in: audited, logged by code only, and shown on the sign-in page. */
async function failed(
  request: FastifyRequest,
  reply: FastifyReply,
  options: SsoRouteOptions,
  error: CodecardError,
  userId: string | null,
): Promise<FastifyReply> {
  // Causes from openid-client carry a code (OAUTH_…) and a message that may quote token
  // contents; only the codes reach the log.
  const cause = error.cause instanceof Error ? (error.cause as { code?: unknown }).code : undefined;
  request.log.warn({ code: error.code, cause }, 'SSO sign-in refused');
  await audit(request, options, userId, 'failed');
  return reply.redirect(`/sign-in?sso_error=${error.code}`, 302);
}

async function audit(
  request: FastifyRequest,
  options: SsoRouteOptions,
  userId: string | null,
  outcome: 'ok' | 'failed',
): Promise<void> {
  await appendAudit(options.access.db, {
    orgId: options.sso.orgId,
    actorUserId: userId,
    actorApiKeyId: null,
    action: 'sign-in',
    outcome,
    targetType: 'user',
    targetId: userId,
    ip: request.ip,
  });
}

function toSsoError(error: unknown): CodecardError {
  if (error instanceof CodecardError) return error;
  const wrapped = new CodecardError('SSO_FAILED', { reason: 'unexpected error' });
  wrapped.cause = error;
  return wrapped;
}

function pendingFrom(value: unknown): PendingSignIn | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const fields = [v.state, v.nonce, v.codeVerifier, v.returnTo];
  if (!fields.every((f) => typeof f === 'string')) return null;
  return value as PendingSignIn;
}
