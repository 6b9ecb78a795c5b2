import type { Db } from '../db/database.ts';
import { describeDbError } from '../db/describe-db-error.ts';
import { claimDueCheck, readSchedule } from './release-sync-schedule.repository.ts';
import { isCheckDue } from './sync-schedule.ts';

/** How often an instance looks whether the check is due (the interval itself is hours). */
const TICK_MS = 10 * 60 * 1000;

export interface SyncScheduleOptions {
  /** The server's own connection: the schedule is instance-wide. */
  db: Db;
  intervalHours: number;
  /** Where a due check goes (ReleaseSyncJobs: queued for whichever process runs jobs). */
  jobs: { submit(requestedBy: string | null): Promise<unknown> };
  now?: () => Date;
  log?: (message: string) => void;
}

/**
 * One look at the schedule: when the check is due, claim it (one instance of several wins) and
 * queue a sync. A failure is logged; the next tick tries again.
 */
export async function tickReleaseSync(options: SyncScheduleOptions): Promise<boolean> {
  const now = (options.now ?? (() => new Date()))();
  try {
    const { nextCheckAt } = await readSchedule(options.db);
    if (!isCheckDue(nextCheckAt, now, options.intervalHours)) return false;
    if (!(await claimDueCheck(options.db, now, options.intervalHours))) return false;
    await options.jobs.submit(null);
    return true;
  } catch (error) {
    const log = options.log ?? ((m: string) => process.stderr.write(`codecard: ${m}\n`));
    log(`could not start the scheduled release sync: ${describeDbError(error)}`);
    return false;
  }
}

/**
 * The schedule in a server or worker: a look every ten minutes, the first ten minutes after the
 * start (a fresh instance, or a test harness, is not downloading releases while it starts; a
 * check that came due while no process ran is made then). Off at 0 hours.
 */
export function startReleaseSyncSchedule(options: SyncScheduleOptions): { stop(): Promise<void> } {
  if (options.intervalHours <= 0) return { stop: () => Promise.resolve() };
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => tickReleaseSync(options));
  }, TICK_MS);
  // The timer alone must not keep a process alive.
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
