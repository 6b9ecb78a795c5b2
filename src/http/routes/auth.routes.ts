import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AccessContext } from '../../access/access-context.ts';
import { acceptInvite, describeInvite } from '../../access/invites.service.ts';
import { endAllSessions, endSession, startSession } from '../../access/sessions.service.ts';
import { signInWithPassword } from '../../access/sign-in.service.ts';
import { appendAudit } from '../../access/audit.repository.ts';
import { countUsers, findUserByEmail, membershipsOf } from '../../access/users.repository.ts';
import { normalizeEmail } from '../../access/sign-in.service.ts';
import {
  acceptInviteSchema,
  inviteInfoSchema,
  inviteTokenQuerySchema,
  meSchema,
  setupStatusSchema,
  signInSchema,
  signedOutSchema,
} from '../../contracts/access.ts';
import { errorResponses } from '../../contracts/errors.ts';
import { CodecardError } from '../../errors/codecard-error.ts';
import { access } from '../access/request-access.ts';
import { callerRateLimit } from '../rate-limits.ts';
import { auditRequest } from '../access/audit-request.ts';
import { clearSessionCookie, setSessionCookie } from '../access/session-cookie.ts';
import { describeMe } from '../access/describe-me.ts';

export interface AuthRouteOptions {
  access: AccessContext;
  secureCookies: boolean;
  /** The first-admin setup link works from other machines too (CODECARD_SETUP_REMOTE). */
  setupRemote: boolean;
  ssoEnabled: boolean;
}

const SIGN_IN_LIMIT = { max: 20, timeWindow: '15 minutes' };

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Signing in and out, the caller's identity, and redeeming invites (the setup link is one). */
export function authRoutes(app: FastifyInstance, options: AuthRouteOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  const guardSetupLink = (request: FastifyRequest, instanceAdmin: boolean) => {
    if (instanceAdmin && !options.setupRemote && !LOOPBACK.has(request.ip)) {
      throw new CodecardError('SETUP_LOOPBACK_ONLY');
    }
  };

  r.get(
    '/api/auth/status',
    {
      ...access('public'),
      schema: {
        tags,
        summary: 'Whether Codecard still needs its first administrator, and whether SSO is on',
        response: { 200: setupStatusSchema, ...errorResponses },
      },
    },
    async () => ({
      needsSetup: (await countUsers(options.access.db)) === 0,
      sso: options.ssoEnabled,
    }),
  );

  r.post(
    '/api/auth/sign-in',
    {
      // Per address, on top of the per-account lockout: slows one machine trying many accounts.
      ...access('public', callerRateLimit(SIGN_IN_LIMIT)),
      schema: {
        tags,
        summary: 'Sign in with email and password (sets the session cookie)',
        body: signInSchema,
        response: { 200: meSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { email, password, orgId } = request.body;
      try {
        const signedIn = await signInWithPassword(options.access, email, password, orgId);
        const session = await startSession(options.access, signedIn.userId, signedIn.orgId);
        setSessionCookie(reply, options.secureCookies, session.secret, session.expiresAt);
        const me = await describeMe(options.access.db, signedIn.userId, signedIn.orgId, 'session');
        await auditAs(request, options, signedIn.userId, signedIn.orgId, 'ok');
        return me;
      } catch (error) {
        // A failure is logged in the account's own organization, where its admins look.
        const user = await findUserByEmail(options.access.db, normalizeEmail(email));
        const orgs = user ? await membershipsOf(options.access.db, user.id) : [];
        if (user) await auditAs(request, options, user.id, orgs[0]?.org_id ?? null, 'failed');
        throw error;
      }
    },
  );

  r.post(
    '/api/auth/sign-out',
    {
      ...access('viewer'),
      schema: {
        tags,
        summary: 'Sign out of this browser',
        response: { 200: signedOutSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const sessionId = request.principal?.sessionId;
      if (sessionId) await endSession(options.access, sessionId);
      clearSessionCookie(reply, options.secureCookies);
      await auditRequest(options.access.db, request, 'sign-out', 'ok');
      return { status: 'signed-out' as const, sessions: sessionId ? 1 : 0 };
    },
  );

  r.post(
    '/api/auth/sign-out-everywhere',
    {
      ...access('viewer'),
      schema: {
        tags,
        summary: 'End every session of the signed-in user, on every device',
        response: { 200: signedOutSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const sessions = await endAllSessions(options.access, principalOf(request).userId);
      clearSessionCookie(reply, options.secureCookies);
      await auditRequest(options.access.db, request, 'sign-out-everywhere', 'ok');
      return { status: 'signed-out' as const, sessions };
    },
  );

  r.get(
    '/api/auth/me',
    {
      ...access('viewer'),
      schema: {
        tags,
        summary: 'Who is signed in, in which organization, with which role',
        response: { 200: meSchema, ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { db } = options.access;
      return describeMe(db, principal.userId, principal.orgId, principal.kind, principal.role);
    },
  );

  r.get(
    '/api/auth/invites',
    {
      ...access('public'),
      schema: {
        tags,
        summary: 'What an invite or setup link grants (before it is redeemed)',
        querystring: inviteTokenQuerySchema,
        response: { 200: inviteInfoSchema, ...errorResponses },
      },
    },
    async (request) => {
      const invite = await describeInvite(options.access, request.query.token);
      guardSetupLink(request, invite.instanceAdmin);
      return invite;
    },
  );

  r.post(
    '/api/auth/invites',
    {
      ...access('public', callerRateLimit(SIGN_IN_LIMIT)),
      schema: {
        tags,
        summary: 'Redeem an invite or the setup link: create the account and sign in',
        body: acceptInviteSchema,
        response: { 201: meSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { token, ...account } = request.body;
      guardSetupLink(request, (await describeInvite(options.access, token)).instanceAdmin);
      const created = await acceptInvite(options.access, token, account);
      const session = await startSession(options.access, created.userId, created.orgId);
      setSessionCookie(reply, options.secureCookies, session.secret, session.expiresAt);
      await auditAs(request, options, created.userId, created.orgId, 'ok', 'invite.accept');
      const me = await describeMe(options.access.db, created.userId, created.orgId, 'session');
      return reply.code(201).send(me);
    },
  );
}

function principalOf(request: FastifyRequest) {
  if (!request.principal) throw new CodecardError('SIGN_IN_REQUIRED');
  return request.principal;
}

async function auditAs(
  request: FastifyRequest,
  options: AuthRouteOptions,
  userId: string,
  orgId: string | null,
  outcome: 'ok' | 'failed',
  action: 'sign-in' | 'invite.accept' = 'sign-in',
): Promise<void> {
  await appendAudit(options.access.db, {
    orgId,
    actorUserId: userId,
    actorApiKeyId: null,
    action,
    outcome,
    targetType: 'user',
    targetId: userId,
    ip: request.ip,
  });
}
