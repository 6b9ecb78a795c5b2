const HOUR_MS = 60 * 60 * 1000;

/** The release check after one that started at `now`. */
export function nextCheckAfter(now: Date, intervalHours: number): Date {
  return new Date(now.getTime() + intervalHours * HOUR_MS);
}

/** Whether the check is due: never made yet, or its time has come. Off when the interval is 0. */
export function isCheckDue(nextCheckAt: Date | null, now: Date, intervalHours: number): boolean {
  if (intervalHours <= 0) return false;
  return nextCheckAt === null || nextCheckAt.getTime() <= now.getTime();
}
