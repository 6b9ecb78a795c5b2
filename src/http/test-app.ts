import type { FastifyInstance } from 'fastify';
import type { LibraryContext } from '../library/library-context.ts';
import { buildApp, type AppOptions } from './app.ts';

/**
 * The HTTP app as the route tests build it: every reply parsed by its route's contract (a reply
 * that drifts from it answers 500, so the test fails), logs silent unless DEBUG_HTTP is set.
 */
export async function buildTestApp(
  ctx: LibraryContext,
  options: Partial<AppOptions> = {},
): Promise<FastifyInstance> {
  const built = await buildApp({
    ctx,
    maxUploadBytes: 1024 * 1024,
    logLevel: process.env.DEBUG_HTTP ? 'error' : 'silent',
    version: 'test',
    validateResponses: true,
    ...options,
  });
  return built.app;
}
