import { readFileSync } from 'node:fs';
import { withPgClient } from '../backup-tools.ts';

// Linux reports process CPU in clock ticks; 100 a second on every x86-64 and arm64 kernel here.
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds a process has used so far (0 once it is gone or off Linux). */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The PostgreSQL backends serving one database (its own connections, not other databases'). */
async function backendPids(serverUrl: string, database: string): Promise<number[]> {
  return withPgClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1',
      [database],
    );
    return rows.map((row) => row.pid);
  });
}

export interface CpuSample {
  app: Map<number, number>;
  db: Map<number, number>;
  /** This script's own process: the load generator (and the batch's submitter). */
  generator: number;
}

/**
 * CPU used by the app servers and by the database's backends between two samples, for a cost
 * per request. PostgreSQL's backends are counted only when it runs on this machine (a remote
 * server's processes are not visible: the database figure is then 0).
 */
export async function sampleCpu(
  appPids: readonly number[],
  database: { serverUrl: string; name: string } | null,
): Promise<CpuSample> {
  const db = new Map<number, number>();
  if (database)
    for (const pid of await backendPids(database.serverUrl, database.name))
      db.set(pid, cpuSeconds(pid));
  return {
    app: new Map(appPids.map((pid) => [pid, cpuSeconds(pid)])),
    db,
    generator: cpuSeconds(process.pid),
  };
}

/** Seconds used between `before` and `after` by the app, the database backends and the generator. */
export function cpuBetween(
  before: CpuSample,
  after: CpuSample,
): { app: number; db: number; generator: number } {
  const used = (a: Map<number, number>, b: Map<number, number>) =>
    [...b].reduce((sum, [pid, seconds]) => sum + seconds - (a.get(pid) ?? 0), 0);
  return {
    app: used(before.app, after.app),
    db: used(before.db, after.db),
    generator: after.generator - before.generator,
  };
}
