import { loadConfig } from '../config/config.ts';
import { openDatabase } from '../db/database.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import { CheckJobs } from '../check/check-jobs.ts';
import { ImportJobs } from '../library/import-jobs.ts';
import { closeParserPool, configureParserPool } from '../library/parsers/shared-parser-pool.ts';
import { appVersion } from '../version.ts';
import { openDurableQueue } from './durable-job-queue.ts';
import { serverContext } from './server-context.ts';
import { surviveDatabaseFaults } from './process-faults.ts';
import { openBlobStore } from '../library/blobs/open-blob-store.ts';
import { blobSweepFor } from '../library/blobs/sweep-blobs.ts';
import { ReleaseSyncJobs } from '../sync/sync-jobs.ts';
import { releaseSyncSettings } from '../sync/sync-settings.ts';
import { startReleaseSyncSchedule } from '../sync/sync-scheduler.ts';

/**
 * `codecard worker`: runs the jobs of a PostgreSQL store (imports, batch checks, release syncs
 * and their schedule, the hourly retention pass) without serving HTTP, one job per kind at a time, until SIGINT/SIGTERM; then
 * the job it runs is handed back (rolled back or stopped after its last stored result) for
 * another worker to finish, and the database is closed.
 */
export async function runWorker(flags: { dataDir?: string | undefined }): Promise<number> {
  const config = loadConfig(process.env, flags.dataDir ? { dataDir: flags.dataDir } : {});
  if (config.database.kind !== 'postgres')
    throw new CodecardError('BAD_INPUT', {
      detail:
        'codecard worker needs a PostgreSQL store (DATABASE_URL); the embedded store runs its jobs in codecard serve',
    });
  surviveDatabaseFaults();
  configureParserPool({ maxHeapMb: config.parsing.heapMb, timeoutMs: config.parsing.timeoutMs });
  const opened = await openDatabase(config.database);
  const ctx = serverContext(opened, config);
  const queue = await openDurableQueue(opened, config, true);
  // The uploads the app instances wrote (CODECARD_BLOB_DIR, shared): old leftovers are swept.
  const blobs = await openBlobStore(
    config.uploads.dir,
    blobSweepFor(opened.engine, config.uploads.sweepAfterDays),
  );
  await new ImportJobs(queue, blobs).work(ctx);
  await (await CheckJobs.start(queue, ctx)).work(ctx);
  const syncSettings = releaseSyncSettings(config);
  const syncJobs = new ReleaseSyncJobs(queue, syncSettings);
  await syncJobs.work(ctx);
  const syncSchedule = startReleaseSyncSchedule({
    db: opened.db,
    intervalHours: syncSettings.intervalHours,
    jobs: syncJobs,
  });
  process.stdout.write(`Codecard ${appVersion} worker is running jobs (PostgreSQL)\n`);
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.stdout.write(`\n${signal}: handing back the running jobs…\n`);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await syncSchedule.stop();
  await queue.stop();
  await ctx.events.flush();
  await closeParserPool();
  await opened.close();
  return 0;
}
