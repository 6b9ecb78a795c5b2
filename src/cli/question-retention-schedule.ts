import { forgetExpiredQuestions } from '../ask/question-retention.ts';
import { deleteCheckJobsFinishedBefore } from '../check/check-job.repository.ts';
import type { Db } from '../db/database.ts';
import { describeDbError } from '../db/describe-db-error.ts';
import type { PgBossJobQueue } from '../jobs/pg-boss-job-queue.ts';
import { deleteJobRunsBefore } from '../jobs/job-runs.repository.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Hourly, like usage-event retention: text outlives its period by an hour at most. */
const EVERY_MS = 60 * 60 * 1000;

export interface QuestionRetentionOptions {
  db: Db;
  /** CODECARD_QUESTION_RETENTION_DAYS. */
  retentionDays: number;
  now?: () => Date;
  /** Where a failure is reported: the SQLSTATE only, never stored text. */
  log?: (message: string) => void;
}

/**
 * One pass of question retention: stored question text and comments past the period are removed
 * (see forgetExpiredQuestions), and so are batch checks that finished before it (their claims
 * and results hold claim ids, codes and diagnoses). A failure is logged and the next pass tries
 * again: retention must not stop the server from starting.
 */
export async function applyQuestionRetention(options: QuestionRetentionOptions): Promise<void> {
  const now = (options.now ?? (() => new Date()))();
  try {
    await forgetExpiredQuestions(options.db, now, options.retentionDays);
    await deleteCheckJobsFinishedBefore(
      options.db,
      new Date(now.getTime() - options.retentionDays * DAY_MS),
    );
  } catch (error) {
    const log = options.log ?? ((m: string) => process.stderr.write(`codecard: ${m}\n`));
    log(
      `could not remove question text or batch checks past their retention: ${describeDbError(error)}`,
    );
  }
}

/**
 * The server's retention: one pass before it listens, then every hour. `stop` ends the timer
 * and waits for a pass in progress, so the database is not closed under it.
 */
export async function startQuestionRetention(
  options: QuestionRetentionOptions,
): Promise<{ stop(): Promise<void> }> {
  let running = applyQuestionRetention(options);
  await running;
  const timer = setInterval(() => {
    running = running.then(() => applyQuestionRetention(options));
  }, EVERY_MS);
  // The timer alone must not keep a process alive (the server is kept alive by its socket).
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

const RETENTION_KIND = 'retention';
/** Minute 7 of every hour (UTC): text outlives its period by an hour at most, as on timers. */
const RETENTION_CRON = '7 * * * *';
/** Job heartbeats of runs that ended this long ago are dropped with each pass. */
const JOB_RUNS_KEPT_DAYS = 14;

/**
 * On PostgreSQL the retention pass is a job on a cron schedule: one run an hour across every
 * instance (pg-boss sends each scheduled job once), taken by whichever worker is free, instead
 * of a timer in each process. It also drops the heartbeats of long-finished jobs.
 */
export async function scheduleQuestionRetention(
  queue: PgBossJobQueue,
  options: QuestionRetentionOptions,
): Promise<void> {
  await queue.schedule(RETENTION_KIND, RETENTION_CRON);
  await queue.work(RETENTION_KIND, async () => {
    await applyQuestionRetention(options);
    const now = (options.now ?? (() => new Date()))();
    await deleteJobRunsBefore(options.db, new Date(now.getTime() - JOB_RUNS_KEPT_DAYS * DAY_MS));
    return null;
  });
}
