import { sql } from 'kysely';
import type { Db } from './database.ts';

/**
 * Whether the database answers `select 1` within `timeoutMs`. A query still waiting then is left
 * to finish or fail on its own (nothing can cancel a pool wait); its outcome is ignored.
 */
export async function pingDatabase(db: Db, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answered = sql`select 1`.execute(db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
