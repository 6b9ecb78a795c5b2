import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AccessContext } from '../../access/access-context.ts';
import { appendAudit } from '../../access/audit.repository.ts';
import { startSession } from '../../access/sessions.service.ts';
import { CodecardError } from '../../errors/codecard-error.ts';
import { sealCaseToken } from '../../ehr/case-token.ts';
import { findEhrConnectionByIssuer } from '../../ehr/ehr-connections.repository.ts';
import type { EhrSeal } from '../../ehr/ehr-seal.ts';
import { signInFromEhr } from '../../ehr/ehr-sign-in.service.ts';
import { normalizeFhirBase } from '../../ehr/fhir-base.ts';
import { SmartClient } from '../../ehr/smart-client.ts';
import { discoverSmart } from '../../ehr/smart-configuration.ts';
import { insertSmartLaunch, takeSmartLaunch } from '../../ehr/smart-launches.repository.ts';
import { access } from '../access/request-access.ts';
import { callerRateLimit } from '../rate-limits.ts';

export interface SmartRouteOptions {
  access: AccessContext;
  seal: EhrSeal;
  /** CODECARD_PUBLIC_URL: the redirect URI's origin (else the request's own, a loopback name). */
  publicUrl: URL | null;
}

const PENDING_MS = 10 * 60_000;
const BINDING_COOKIE = 'codecard_smart';
const CALLBACK_PATH = '/smart/callback';

const launchQuerySchema = z.object({
  iss: z.string().min(1).max(2000),
  launch: z.string().max(2000).optional(),
});
const callbackQuerySchema = z.object({
  code: z.string().max(4000).optional(),
  state: z.string().max(200).optional(),
  error: z.string().max(200).optional(),
});

/**
 * SMART App Launch 2.x (EHR launch with `launch`, standalone without). The launch waits in the
 * database under the hash of its random `state` (taken once at the callback), not only in a
 * cookie: inside the EHR's iframe Codecard is a third party, and Safari (and Chrome with
 * third-party cookies off) sends no cookie there, Partitioned or not. A `SameSite=None; Secure;
 * Partitioned` cookie still binds the launch to the browser where the browser keeps it: present
 * and different, the callback is refused. The PKCE verifier stays on the server (sealed). The
 * session and the case are handed to the page in the URL fragment (never sent to a server,
 * never in a log): the page keeps them in sessionStorage and sends them as headers.
 */
export function smartRoutes(app: FastifyInstance, options: SmartRouteOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/smart/launch',
    // Each launch stores a row and reads the EHR's configuration: a limit per address.
    {
      ...access('public', callerRateLimit({ max: 60, timeWindow: 60_000 })),
      schema: { hide: true, querystring: launchQuerySchema },
    },
    async (request, reply) => {
      const iss = normalizeFhirBase(request.query.iss);
      let orgId: string | null = null;
      try {
        const connection = await findEhrConnectionByIssuer(options.access.db, iss);
        if (!connection) throw refused('no organization has an EHR connection for this issuer');
        orgId = connection.orgId;
        const smart = await discoverSmart(iss);
        const client = new SmartClient(iss, connection.clientId, smart);
        const state = randomBytes(32).toString('base64url');
        const binding = randomBytes(32).toString('base64url');
        const codeVerifier = randomBytes(32).toString('base64url');
        const redirectUri = new URL(CALLBACK_PATH, origin(request, options)).href;
        const now = options.access.now();
        const expiresAt = new Date(now.getTime() + PENDING_MS);
        const sealer = await options.seal.get();
        await insertSmartLaunch(options.access.db, {
          stateHash: hash(state),
          orgId,
          issuer: iss,
          launch: request.query.launch ?? null,
          redirectUri,
          sealedVerifier: sealer.seal(codeVerifier, expiresAt),
          bindingHash: hash(binding),
          expiresAt,
        });
        const url = await client.authorizationUrl({
          redirectUri,
          scopes: connection.scopes,
          state,
          codeVerifier,
          launch: request.query.launch ?? null,
        });
        reply.setCookie(BINDING_COOKIE, binding, {
          httpOnly: true,
          sameSite: 'none',
          secure: true,
          partitioned: true,
          path: '/smart',
          maxAge: PENDING_MS / 1000,
        });
        return await reply.redirect(url.href, 302);
      } catch (error) {
        return refusal(request, reply, options, error, orgId, null);
      }
    },
  );

  r.get(
    CALLBACK_PATH,
    { ...access('public'), schema: { hide: true, querystring: callbackQuerySchema } },
    async (request, reply) => {
      const binding = request.cookies[BINDING_COOKIE];
      reply.clearCookie(BINDING_COOKIE, {
        path: '/smart',
        sameSite: 'none',
        secure: true,
        partitioned: true,
      });
      let orgId: string | null = null;
      let userId: string | null = null;
      try {
        const { code, state, error } = request.query;
        if (error) throw refused(`the EHR answered ${error}`);
        if (!state || !code) throw refused('the EHR’s answer lacks its code or state');
        const now = options.access.now();
        const pending = await takeSmartLaunch(options.access.db, hash(state), now);
        if (!pending) throw refused('unknown, used or expired state');
        orgId = pending.orgId;
        if (binding !== undefined && hash(binding) !== pending.bindingHash)
          throw refused('the launch was started in another browser');
        const connection = await findEhrConnectionByIssuer(options.access.db, pending.issuer);
        if (connection?.orgId !== pending.orgId)
          throw refused('the issuer is not the organization’s EHR');
        const sealer = await options.seal.get();
        const codeVerifier = sealer.open(pending.sealedVerifier, now);
        if (typeof codeVerifier !== 'string') throw refused('expired launch');
        const smart = await discoverSmart(pending.issuer);
        const client = new SmartClient(pending.issuer, connection.clientId, smart);
        const here = new URL(request.url, pending.redirectUri);
        const grant = await client.exchange(here, state, codeVerifier, now);
        userId = await signInFromEhr(options.access, pending.orgId, pending.issuer, grant);
        const session = await startSession(options.access, userId, pending.orgId);
        const caseToken = sealCaseToken(
          sealer,
          {
            orgId: pending.orgId,
            userId,
            iss: pending.issuer,
            accessToken: grant.accessToken,
            patient: grant.patient,
            encounter: grant.encounter,
          },
          new Date(Math.min(grant.expiresAt.getTime(), session.expiresAt.getTime())),
        );
        await audit(request, options, orgId, userId, 'ok');
        const fragment = new URLSearchParams({ session: session.secret, case: caseToken });
        return await reply.redirect(`/case#${fragment.toString()}`, 302);
      } catch (error) {
        return refusal(request, reply, options, error, orgId, userId);
      }
    },
  );
}

function origin(request: FastifyRequest, options: SmartRouteOptions): string {
  return options.publicUrl?.origin ?? `${request.protocol}://${request.host}`;
}

function hash(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function refused(reason: string): CodecardError {
  return new CodecardError('SMART_LAUNCH_FAILED', { reason });
}

/** A refused launch: audited, logged by code only, and shown as a short page (400). */
async function refusal(
  request: FastifyRequest,
  reply: FastifyReply,
  options: SmartRouteOptions,
  error: unknown,
  orgId: string | null,
  userId: string | null,
): Promise<FastifyReply> {
  const known =
    error instanceof CodecardError
      ? error
      : new CodecardError('SMART_LAUNCH_FAILED', { reason: 'unexpected error' });
  const cause = known.cause instanceof Error ? (known.cause as { code?: unknown }).code : undefined;
  request.log.warn({ code: known.code, cause }, 'SMART launch refused');
  if (!(error instanceof CodecardError)) request.log.error({ err: error }, 'SMART launch failed');
  await audit(request, options, orgId, userId, 'failed');
  return reply.code(400).type('text/html; charset=utf-8').send(refusalPage(known.message));
}

function refusalPage(message: string): string {
  const escaped = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Codecard</title></head><body><h1>Codecard</h1><p role="alert">${escaped}</p></body></html>`;
}

async function audit(
  request: FastifyRequest,
  options: SmartRouteOptions,
  orgId: string | null,
  userId: string | null,
  outcome: 'ok' | 'failed',
): Promise<void> {
  await appendAudit(options.access.db, {
    orgId,
    actorUserId: userId,
    actorApiKeyId: null,
    action: 'ehr.launch',
    outcome,
    targetType: userId ? 'user' : null,
    targetId: userId,
    ip: request.ip,
  });
}
