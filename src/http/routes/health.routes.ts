import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contracts/errors.ts';
import { liveSchema, readySchema, type Ready } from '../../contracts/health.ts';
import { DATABASE_RETRY_SECONDS } from '../../db/db-fault.ts';
import type { Db } from '../../db/database.ts';
import { pingDatabase } from '../../db/ping.repository.ts';
import type { JobQueue } from '../../domain/job-queue.ts';
import type { StarterLibraryProgress } from '../../library/starter-progress.ts';
import { access } from '../access/request-access.ts';

export interface HealthOptions {
  db: Db;
  engine: 'pglite' | 'postgres';
  queue: JobQueue;
  version: string;
  /** The background load of the starter library (absent: the server loads none, 'idle'). */
  starterLibrary?: StarterLibraryProgress;
  /** How long the readiness check waits for `select 1` (default 2 s). */
  readyTimeoutMs?: number;
}

const started = Date.now();

/**
 * Probes for a load balancer or orchestrator, outside /api and anonymous (no key or session is
 * looked up, so they never touch the database for that): live answers from the process alone,
 * ready asks the database within a bounded time and reports the import and check queues and the
 * starter library's background load.
 */
export function healthRoutes(app: FastifyInstance, options: HealthOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/health/live',
    {
      ...access('public', { anonymous: true }),
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process answers (never touches the database)',
        response: { 200: liveSchema },
      },
    },
    () => ({
      status: 'live' as const,
      version: options.version,
      uptimeSeconds: Math.floor((Date.now() - started) / 1000),
    }),
  );
  r.get(
    '/health/ready',
    {
      ...access('public', { anonymous: true }),
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database answers in time; import and check queues',
        response: { 200: readySchema, 503: readySchema, ...errorResponses },
      },
    },
    async (_request, reply) => {
      const [imports, checks] = await Promise.all([
        options.queue.counts('import'),
        options.queue.counts('check'),
      ]);
      const starterLibrary = options.starterLibrary?.status ?? { state: 'idle', done: 0, total: 0 };
      const answered = await pingDatabase(options.db, options.readyTimeoutMs ?? 2000);
      // The embedded database is one connection: a running import holds it and the ping waits,
      // yet requests are only delayed, not refused.
      const database: Ready['database'] = answered
        ? 'ok'
        : options.engine === 'pglite' && imports.running > 0
          ? 'busy'
          : 'down';
      if (database === 'down') {
        reply.header('retry-after', DATABASE_RETRY_SECONDS).status(503);
        return { status: 'unavailable' as const, database, imports, checks, starterLibrary };
      }
      return { status: 'ready' as const, database, imports, checks, starterLibrary };
    },
  );
}
