import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { errorResponses } from '../contracts/errors.ts';
import { healthSchema } from '../contracts/health.ts';
import { ImportJobs } from '../library/import-jobs.ts';
import type { LibraryContext } from '../library/library-context.ts';
import type { StarterLibraryProgress } from '../library/starter-progress.ts';
import { CheckJobs } from '../check/check-jobs.ts';
import type { JobQueue } from '../domain/job-queue.ts';
import { InProcessJobQueue } from '../jobs/in-process-job-queue.ts';
import { handleError } from './error-handler.ts';
import { registerJsonBodyParser } from './json-body.ts';
import { responseSerializer } from './response-serializer.ts';
import { loggerOptions } from './log-options.ts';
import { guardRequestOrigin } from './request-origin.ts';
import { registerCdsHooksCors } from './cds-hooks-cors.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { registerCompression } from './compression.ts';
import { registerRateLimits } from './rate-limits.ts';
import { ExpensiveLane, registerExpensiveLane } from './expensive-lane.ts';
import { webAppRoutes, type WebAppOptions } from './web-app.ts';
import { askRoutes } from './routes/ask.routes.ts';
import { cardRoutes } from './routes/cards.routes.ts';
import { createCardCache } from '../cards/card-cache.ts';
import { cardCacheEntries } from '../cards/card-cache-size.ts';
import { sourceRoutes } from './routes/sources.routes.ts';
import { checkJobRoutes } from './routes/check-jobs.routes.ts';
import { checkRoutes } from './routes/checks.routes.ts';
import { codeRoutes } from './routes/codes.routes.ts';
import { feeRoutes } from './routes/fees.routes.ts';
import { libraryRoutes } from './routes/library.routes.ts';
import { performanceRoutes } from './routes/performance.routes.ts';
import { watchListRoutes } from './routes/watch-list.routes.ts';
import { changesRoutes } from './routes/changes.routes.ts';
import type { GenerativeConfig } from '../config/generative-config.ts';
import type { AccessContext } from '../access/access-context.ts';
import { defaultAccessPolicy, type AccessPolicy } from '../access/access-policy.ts';
import { guardAccess } from './access/guard-access.ts';
import { access } from './access/request-access.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { adminRoutes } from './routes/admin.routes.ts';
import { auditRoutes } from './routes/audit.routes.ts';
import { orgRoutes } from './routes/orgs.routes.ts';
import { referenceDatasetRoutes } from './routes/reference-datasets.routes.ts';
import { syncRoutes } from './routes/sync.routes.ts';
import { ReleaseSyncJobs } from '../sync/sync-jobs.ts';
import { releaseSyncSettings, type ReleaseSyncSettings } from '../sync/sync-settings.ts';
import { ssoRoutes } from './routes/sso.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { cdsHooksRoutes } from './routes/cds-hooks.routes.ts';
import { ehrAdminRoutes } from './routes/ehr-admin.routes.ts';
import { ehrCaseRoutes } from './routes/ehr-case.routes.ts';
import { smartRoutes } from './routes/smart.routes.ts';
import { registerEhrFrameAncestors } from './ehr-frame-ancestors.ts';
import { EhrOrigins } from './ehr-origins.ts';
import { EhrSeal } from '../ehr/ehr-seal.ts';
import type { SsoConfig } from '../config/sso-config.ts';
import type { UploadConfig } from '../config/upload-config.ts';
import { openUploadSettings } from './upload-settings.ts';

export interface AppOptions {
  ctx: LibraryContext;
  /** Largest file in an upload, in bytes. */
  maxUploadBytes: number;
  /**
   * Blob directory and its sweep, per-request total and concurrent uploads per user (default:
   * a directory under the OS temp directory, 7 days, twice maxUploadBytes, 2).
   */
  uploads?: Partial<UploadConfig>;
  logLevel?: string;
  version: string;
  /** CSP frame-ancestors for the web app (default 'self'). */
  frameAncestors?: string;
  /** The one address served (CODECARD_PUBLIC_URL); default: loopback names only. */
  publicUrl?: URL | null;
  /** Ask, search and check requests per caller per minute (default 120). */
  rateLimitPerMinute?: number;
  /** The lane for Ask and single checks (CODECARD_EXPENSIVE_*; absent: no limit). */
  expensiveRequests?: { concurrency: number; maxWaiting: number };
  /** The optional model for Ask answers (CODECARD_LLM_*). */
  llm?: GenerativeConfig | null;
  /**
   * Parse every JSON reply with its route's contract and refuse fields the contract lacks (a
   * 500). On in tests, so a reply that drifts from its contract fails them; off in production.
   */
  validateResponses?: boolean;
  /** Where log lines go (default: standard output); tests read them. */
  logStream?: NodeJS.WritableStream;
  /** Where imports and batch checks wait and run (default: an in-process queue). */
  queue?: JobQueue;
  /**
   * This process runs the queue's jobs (default true). False: an HTTP-only instance on
   * PostgreSQL (CODECARD_RUN_JOBS=0) whose jobs `codecard worker` processes run.
   */
  runJobs?: boolean;
  /** Session, invite and lockout lengths (default: defaultAccessPolicy). */
  accessPolicy?: AccessPolicy;
  /** The clock for sessions, invites and lockouts; tests move it. */
  now?: () => Date;
  /** The first-admin setup link also works from other machines (CODECARD_SETUP_REMOTE). */
  setupRemote?: boolean;
  /** Single sign-on with an OpenID provider (CODECARD_OIDC_*); null or absent: off. */
  sso?: SsoConfig | null;
  /** The starter library's background load, reported by /health/ready (absent: 'idle'). */
  starterLibrary?: StarterLibraryProgress;
  /** The built web app served beside the API (default: web/dist); tests pass their own. */
  web?: WebAppOptions;
  /** The release sync (CODECARD_SYNC_*; default: the shipped mirror, no schedule). */
  sync?: ReleaseSyncSettings;
}

export interface CodecardApp {
  app: FastifyInstance;
  jobs: ImportJobs;
  checkJobs: CheckJobs;
  syncJobs: ReleaseSyncJobs;
}

/** The HTTP API: thin routes that parse input, call one service, and present the result. */
export async function buildApp(options: AppOptions): Promise<CodecardApp> {
  const app = Fastify({
    logger: loggerOptions(options.logLevel ?? 'info', options.logStream),
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(options.validateResponses ?? false));
  app.setErrorHandler(handleError);
  registerJsonBodyParser(app);
  await registerSecurityHeaders(app, options);
  await registerCompression(app);
  guardRequestOrigin(app, options.publicUrl ?? null);
  await app.register(swagger, {
    openapi: { info: { title: 'Codecard API', version: options.version } },
    transform: jsonSchemaTransform,
  });
  await app.register(multipart, {
    limits: { fileSize: options.maxUploadBytes, files: 20, fields: 20 },
  });
  const uploads = await openUploadSettings(
    options.uploads,
    options.maxUploadBytes,
    options.ctx.engine,
  );
  await app.register(cookie);
  const accessCtx: AccessContext = {
    db: options.ctx.db,
    policy: options.accessPolicy ?? defaultAccessPolicy,
    now: options.now ?? (() => new Date()),
  };
  const secureCookies = options.publicUrl?.protocol === 'https:';
  guardAccess(app, options.ctx, accessCtx, secureCookies);
  await registerRateLimits(app, options);
  const lane = options.expensiveRequests;
  registerExpensiveLane(app, new ExpensiveLane(lane?.concurrency ?? 0, lane?.maxWaiting ?? 0));
  const queue = options.queue ?? new InProcessJobQueue();
  const jobs = new ImportJobs(queue, uploads.spool.store);
  // Embedded store: checks a previous process left unfinished become failed and resumable.
  const checkJobs = await CheckJobs.start(queue, options.ctx);
  const syncSettings =
    options.sync ??
    releaseSyncSettings({
      sync: { mirror: null, intervalHours: 0 },
      maxUploadBytes: options.maxUploadBytes,
    });
  const syncJobs = new ReleaseSyncJobs(queue, syncSettings);
  if (options.runJobs ?? true) {
    await jobs.work(options.ctx);
    await checkJobs.work(options.ctx);
    await syncJobs.work(options.ctx);
  }
  // A running batch check finishes before the server closes the database under it (a durable
  // queue is stopped by its owner first, handing it to another worker), and the usage events
  // queued by the last requests are written while the database is still open.
  app.addHook('onClose', async () => {
    if (!options.queue) await queue.stop();
    // A release sync can take minutes of downloads: stopped, not waited for (in-process only;
    // a durable queue's owner hands it back to another worker).
    if (!options.queue) await syncJobs.cancelRunning();
    await checkJobs.idle();
    await options.ctx.events.flush();
  });
  app.get(
    '/api/health',
    {
      ...access('public'),
      schema: {
        summary: 'Liveness and version',
        response: { 200: healthSchema, ...errorResponses },
      },
    },
    () => ({ status: 'ok' as const, version: options.version }),
  );
  healthRoutes(app, {
    db: options.ctx.db,
    engine: options.ctx.engine,
    queue,
    version: options.version,
    ...(options.starterLibrary ? { starterLibrary: options.starterLibrary } : {}),
  });
  app.get('/api/openapi.json', { ...access('public'), schema: { hide: true } }, () =>
    app.swagger(),
  );
  authRoutes(app, {
    access: accessCtx,
    secureCookies,
    setupRemote: options.setupRemote ?? false,
    ssoEnabled: Boolean(options.sso),
  });
  if (options.sso) ssoRoutes(app, { access: accessCtx, secureCookies, sso: options.sso });
  // Inside the EHR (issue 18): connections, SMART launch, the case; frame-ancestors per EHR.
  const ehrSeal = new EhrSeal(accessCtx.db);
  const ehrOrigins = new EhrOrigins(accessCtx.db);
  registerEhrFrameAncestors(app, ehrOrigins);
  registerCdsHooksCors(app, ehrOrigins);
  ehrAdminRoutes(app, accessCtx, () => ehrOrigins.forget());
  smartRoutes(app, { access: accessCtx, seal: ehrSeal, publicUrl: options.publicUrl ?? null });
  ehrCaseRoutes(app, accessCtx, ehrSeal);
  adminRoutes(app, accessCtx);
  auditRoutes(app, accessCtx.db);
  orgRoutes(app, accessCtx);
  referenceDatasetRoutes(app);
  syncRoutes(app, { jobs: syncJobs, settings: syncSettings, scheduleDb: options.ctx.db });
  libraryRoutes(app, jobs, uploads);
  codeRoutes(app);
  feeRoutes(app);
  // One card cache per app (per process in production): cards of an unchanged library are
  // reused by the card route and by Ask answers that show cards.
  const cards = createCardCache({ entries: cardCacheEntries() });
  cardRoutes(app, cards);
  askRoutes(app, options.llm ?? null, cards, { access: accessCtx, seal: ehrSeal });
  sourceRoutes(app);
  checkRoutes(app);
  checkJobRoutes(app, checkJobs, uploads);
  performanceRoutes(app);
  watchListRoutes(app);
  changesRoutes(app);
  cdsHooksRoutes(app, {
    db: accessCtx.db,
    base: options.ctx,
    publicUrl: options.publicUrl ?? null,
  });
  await webAppRoutes(app, options.web);
  return { app, jobs, checkJobs, syncJobs };
}
