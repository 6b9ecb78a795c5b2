import type { Config } from '../config/config.ts';
import type { OpenDatabase } from '../db/database.ts';
import { PgBossJobQueue } from '../jobs/pg-boss-job-queue.ts';
import { scheduleQuestionRetention } from './question-retention-schedule.ts';

/**
 * The durable queue of a PostgreSQL store, for `serve` and `worker`. A process that runs jobs
 * also takes the hourly retention pass (one run per hour across the cluster); an HTTP-only
 * instance only enqueues, reads and cancels.
 */
export async function openDurableQueue(
  opened: OpenDatabase,
  config: Config,
  runJobs: boolean,
): Promise<PgBossJobQueue> {
  const queue = await PgBossJobQueue.open({
    db: opened.db,
    runJobs,
    heartbeatSeconds: config.jobs.heartbeatSeconds,
    staleSeconds: config.jobs.staleSeconds,
  });
  if (runJobs)
    await scheduleQuestionRetention(queue, {
      db: opened.db,
      retentionDays: config.questionRetentionDays,
    });
  return queue;
}
