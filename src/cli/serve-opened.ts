import type { Config } from '../config/config.ts';
import type { OpenDatabase } from '../db/database.ts';
import type { buildApp } from '../http/app.ts';
import { closeParserPool } from '../library/parsers/shared-parser-pool.ts';
import { loadStarterInBackground as loadStarter } from './starter-load.ts';
import { StarterLibraryProgress } from '../library/starter-progress.ts';
import { discardUnfinishedImports } from '../library/unfinished-imports.ts';
import { applyQuestionRetention, startQuestionRetention } from './question-retention-schedule.ts';
import { serverContext } from './server-context.ts';
import { replicaOf } from '../library/library-context.ts';
import { configureCardCache } from '../cards/card-cache-size.ts';
import { warmSectionClassifier } from '../cards/section-classifier.ts';
import { appVersion } from '../version.ts';
import { accessPolicyFrom } from '../access/access-policy.ts';
import { firstAdminInvite } from '../access/invites.service.ts';
import { inviteLink } from '../access/setup-link.ts';
import { buildWebInBackground } from '../web/web-build.ts';
import { releaseSyncSettings } from '../sync/sync-settings.ts';
import { startReleaseSyncSchedule } from '../sync/sync-scheduler.ts';

/**
 * The server once its store is open (serve.command.ts opens it while this module loads):
 * builds the app, listens, loads the starter library behind, and runs until SIGINT/SIGTERM.
 */
export async function serveOpened({
  opened,
  config,
  print,
  webStale,
  appModule,
}: {
  opened: OpenDatabase;
  config: Config;
  print: (line: string) => void;
  /** web/src changed since web/dist was built: rebuild it in the background. */
  webStale: boolean;
  /** The HTTP layer, loading since before the store opened. */
  appModule: Promise<{ buildApp: typeof buildApp }>;
}): Promise<number> {
  await discardUnfinishedImports(opened).catch(async (error: unknown) => {
    await opened.close();
    throw error;
  });
  // Requests that only read reference data may read the replica (CODECARD_DATABASE_READ_URL).
  const ctx = { ...serverContext(opened, config), ...replicaOf(opened) };
  configureCardCache(config.cardCacheEntries);
  // 'loading' from the first request on (the count comes once the load has looked).
  const starterLibrary = new StarterLibraryProgress();
  starterLibrary.advance(0, 0);
  // `npm install` builds the app (prepare); a developer who edited web/src since gets it
  // rebuilt in the background while the server listens. `npm run dev` (Vite serves the app)
  // and tests that only need the API skip that.
  const webBuild = webStale ? buildWebInBackground(print) : null;
  const accessPolicy = accessPolicyFrom(config);
  const { buildApp } = await appModule;
  // PostgreSQL: jobs wait in the database for this or any instance's workers (CODECARD_RUN_JOBS=0:
  // none here). Embedded: the app's in-process queue, always run here.
  const runJobs = opened.engine === 'pglite' || config.jobs.runInServe;
  const durable =
    opened.engine === 'postgres'
      ? // Loaded here only: pg-boss is 0.1 s of an embedded first start that never uses it.
        await (await import('./durable-job-queue.ts')).openDurableQueue(opened, config, runJobs)
      : null;
  const syncSettings = releaseSyncSettings(config);
  const { app, syncJobs } = await buildApp({
    ...(durable ? { queue: durable } : {}),
    runJobs,
    ctx,
    maxUploadBytes: config.maxUploadBytes,
    uploads: config.uploads,
    logLevel: config.logLevel,
    version: appVersion,
    llm: config.llm,
    frameAncestors: config.frameAncestors,
    publicUrl: config.publicUrl,
    accessPolicy,
    setupRemote: config.setupRemote,
    rateLimitPerMinute: config.rateLimitPerMinute,
    expensiveRequests: config.expensiveRequests,
    sso: config.sso,
    starterLibrary,
    sync: syncSettings,
    ...(webBuild ? { web: { building: webBuild.building } } : {}),
  });
  // Question text past its retention is removed before anyone can read it, then hourly (on
  // PostgreSQL a scheduled job does that, once per hour across the instances).
  const retentionOptions = { db: opened.db, retentionDays: config.questionRetentionDays };
  const retention = durable
    ? await applyQuestionRetention(retentionOptions).then(() => ({ stop: () => Promise.resolve() }))
    : await startQuestionRetention(retentionOptions);
  await app.listen({ port: config.port, host: config.host });
  // New CMS/CDC releases are looked for daily by default; the time is kept in the database, so
  // of several instances one checks, and a restart does not check early. Where jobs run here.
  const syncSchedule = runJobs
    ? startReleaseSyncSchedule({
        db: opened.db,
        intervalHours: syncSettings.intervalHours,
        jobs: syncJobs,
      })
    : null;
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : config.port;
  const where =
    config.database.kind === 'postgres'
      ? `PostgreSQL (DATABASE_URL${opened.read ? ', reads of reference data from CODECARD_DATABASE_READ_URL' : ''})`
      : `embedded database in ${config.database.kind === 'pglite' ? config.database.dataDir : 'memory'}`;
  process.stdout.write(
    `Codecard ${appVersion} is running at http://localhost:${boundPort} (${where})\n`,
  );
  const base = config.publicUrl?.origin ?? `http://localhost:${boundPort}`;
  const token = await firstAdminInvite({
    db: opened.db,
    policy: accessPolicy,
    now: () => new Date(),
  });
  if (token) process.stdout.write(setupMessage(inviteLink(base, token), config.setupRemote));
  // The first card would otherwise train the section classifier in one call (0.2-0.4 s).
  void warmSectionClassifier().catch((error: unknown) =>
    app.log.warn({ err: error }, 'the section classifier could not be trained ahead'),
  );
  // Listening first: the starter library comes in behind, one committed document at a time.
  let stopping = false;
  const starterLoad = loadStarter(ctx, starterLibrary, () => stopping, print);
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.stdout.write(`\n${signal}: shutting down…\n`);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  stopping = true;
  webBuild?.stop();
  // The document being imported finishes (or rolls back) before the database closes.
  await starterLoad;
  await retention.stop();
  await syncSchedule?.stop();
  // A job running here is handed back for another worker (an import starts over, a batch
  // resumes after its last stored result) before the database closes.
  await durable?.stop();
  await app.close();
  await closeParserPool();
  await opened.close();
  return 0;
}

function setupMessage(link: string, remote: boolean): string {
  const where = remote ? '' : ' from this machine';
  return [
    '',
    'No administrator yet. To create one, open this one-time link' + where + ' (valid for 1 hour):',
    `  ${link}`,
    'or stop the server and run: npx codecard user add EMAIL --password-stdin',
    '',
  ].join('\n');
}
