import type { FastifyInstance, InjectOptions } from 'fastify';
import { defaultAccessPolicy } from '../access/access-policy.ts';
import { createApiKey } from '../access/api-keys.service.ts';
import { findUserByEmail, insertUser, setMembership } from '../access/users.repository.ts';
import type { Role } from '../domain/role.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { buildApp, type AppOptions } from './app.ts';

export interface TestAppOptions extends Partial<AppOptions> {
  /**
   * Who the requests come from: an API key with this role in the context's organization, sent
   * on every inject that names no Authorization header itself; null: nobody signed in.
   */
  as?: Role | null;
}

/**
 * The HTTP app as the route tests build it: every reply parsed by its route's contract (a reply
 * that drifts from it answers 500, so the test fails), logs silent unless DEBUG_HTTP is set,
 * and requests signed with an admin API key unless `as` says otherwise.
 */
export async function buildTestApp(
  ctx: LibraryContext,
  options: TestAppOptions = {},
): Promise<FastifyInstance> {
  const { as = 'admin', ...appOptions } = options;
  const built = await buildApp({
    ctx,
    maxUploadBytes: 1024 * 1024,
    logLevel: process.env.DEBUG_HTTP ? 'error' : 'silent',
    version: 'test',
    validateResponses: true,
    ...appOptions,
  });
  if (as !== null) signEveryRequest(built.app, await testApiKey(ctx, as));
  return built.app;
}

/** An API key of a test user (created on first use) with `role` in the context's organization. */
export async function testApiKey(ctx: LibraryContext, role: Role, email?: string): Promise<string> {
  const address = email ?? `test-${role}@${ctx.orgId}.codecard.test`;
  let user = await findUserByEmail(ctx.db, address);
  if (!user) {
    await insertUser(ctx.db, {
      id: `test-${role}-${ctx.orgId}-${Math.random().toString(36).slice(2, 8)}`,
      email: address,
      display_name: `Test ${role}`,
      password_hash: null,
      instance_admin: false,
    });
    user = await findUserByEmail(ctx.db, address);
  }
  await setMembership(ctx.db, user!.id, ctx.orgId, role);
  const access = { db: ctx.db, policy: defaultAccessPolicy, now: () => new Date() };
  const created = await createApiKey(access, {
    orgId: ctx.orgId,
    name: `test ${role}`,
    role,
    createdBy: user!.id,
  });
  return created.key;
}

function signEveryRequest(app: FastifyInstance, key: string): void {
  const inject = app.inject.bind(app) as (options: InjectOptions) => ReturnType<typeof app.inject>;
  const signed = (options: InjectOptions | string) => {
    const request = typeof options === 'string' ? { url: options } : options;
    const headers = { authorization: `Bearer ${key}`, ...request.headers };
    return inject({ ...request, headers });
  };
  app.inject = signed as typeof app.inject;
}
