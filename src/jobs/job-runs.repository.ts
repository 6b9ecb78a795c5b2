import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database>;

/** pg-boss's job states, in its enum's order (created < retry < active < completed …). */
export type BossState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

/** A job row as read from pg-boss's table (its own schema), with this job's last progress. */
export interface BossJobRow {
  id: string;
  state: BossState;
  data: unknown;
  output: unknown;
  retry_count: number;
  created_on: Date;
  completed_on: Date | null;
  progress: unknown;
}

/** What pg-boss runs its statements through when it must share our transaction. */
export interface BossDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

const jobTable = (schema: string) => sql.id(schema, 'job');
const archiveTable = (schema: string) => sql.id(schema, 'archive');

/** A run starts: this worker, this attempt, beating from now (a retry takes the row over). */
export async function startJobRun(
  db: Db,
  run: { jobId: string; kind: string; worker: string; attempt: number; progress: unknown },
): Promise<void> {
  await sql`
    insert into job_runs (job_id, kind, worker, attempt, beat_at, progress)
    values (${run.jobId}, ${run.kind}, ${run.worker}, ${run.attempt}, now(),
      ${JSON.stringify(run.progress)}::jsonb)
    on conflict (job_id) do update set worker = excluded.worker, attempt = excluded.attempt,
      beat_at = now(), progress = excluded.progress`.execute(db);
}

/** Renews this worker's runs (and stores their progress); a run another worker took is left. */
export async function beatJobRuns(
  db: Db,
  worker: string,
  runs: { jobId: string; progress: unknown }[],
): Promise<void> {
  for (const run of runs)
    await sql`
      update job_runs set beat_at = now(), progress = ${JSON.stringify(run.progress)}::jsonb
      where job_id = ${run.jobId} and worker = ${worker}`.execute(db);
}

/** The state and retry count of jobs (a running handler learns it was cancelled or lost). */
export async function bossJobStates(
  db: Db,
  schema: string,
  ids: string[],
): Promise<{ id: string; state: BossState; retry_count: number }[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ id: string; state: BossState; retry_count: number }>`
    select id, state, retry_count from ${jobTable(schema)}
    where id = any(${ids}::uuid[])`.execute(db);
  return rows;
}

/** A job of a kind (archived ones too), with its last progress; undefined when none. */
export async function findBossJob(
  db: Db,
  schema: string,
  kind: string,
  id: string,
): Promise<BossJobRow | undefined> {
  const columns = sql`j.id, j.state::text as state, j.data, j.output, j.retry_count,
    j.created_on, j.completed_on, r.progress`;
  const { rows } = await sql<BossJobRow>`
    select ${columns} from ${jobTable(schema)} j left join job_runs r on r.job_id = j.id
    where j.name = ${kind} and j.id = ${id}
    union all
    select ${columns} from ${archiveTable(schema)} j left join job_runs r on r.job_id = j.id
    where j.name = ${kind} and j.id = ${id}
    limit 1`.execute(db);
  return rows[0];
}

/** Jobs of a kind queued, waiting for a retry or running. */
export async function unfinishedBossJobs(
  db: Db,
  schema: string,
  kind: string,
): Promise<{ id: string; state: BossState; data: unknown }[]> {
  const { rows } = await sql<{ id: string; state: BossState; data: unknown }>`
    select id, state::text as state, data from ${jobTable(schema)}
    where name = ${kind} and state < 'completed' order by created_on`.execute(db);
  return rows;
}

/**
 * Active jobs whose run has not beaten for `staleSeconds` (a run that never beat counts from
 * its start): their worker is gone. The caller holds the supervisor lock.
 */
export async function staleBossJobs(
  db: Db,
  schema: string,
  staleSeconds: number,
): Promise<{ id: string; name: string }[]> {
  const { rows } = await sql<{ id: string; name: string }>`
    select j.id, j.name from ${jobTable(schema)} j left join job_runs r on r.job_id = j.id
    where j.state = 'active'
      and greatest(r.beat_at, j.started_on) < now() - make_interval(secs => ${staleSeconds})
    for update of j skip locked`.execute(db);
  return rows;
}

/** A failure that retrying cannot fix: the next fail ends the job failed, not retried. */
export async function spendRetries(db: Db, schema: string, id: string): Promise<void> {
  await sql`update ${jobTable(schema)} set retry_limit = retry_count where id = ${id}`.execute(db);
}

/**
 * Runs `fn` in a transaction holding the cluster-wide supervisor lock, or not at all when
 * another worker's supervisor holds it: two supervisors never give up the same job twice.
 */
export async function withSupervisorLock(
  db: Db,
  fn: (trx: Db, boss: BossDb) => Promise<void>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ locked: boolean }>`
      select pg_try_advisory_xact_lock(hashtext('codecard-job-supervisor')) as locked`.execute(trx);
    if (!rows[0]?.locked) return;
    await fn(trx, bossDbOf(trx));
  });
}

/** pg-boss's statements through Kysely (so they join the transaction of `db`). */
export function bossDbOf(db: Db): BossDb {
  return {
    executeSql: async (text, values = []) => {
      const result = await db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: [...result.rows] };
    },
  };
}

/** Runs of jobs long finished (pg-boss deletes its own after its retention). */
export async function deleteJobRunsBefore(db: Db, before: Date): Promise<void> {
  await sql`delete from job_runs where beat_at < ${before.toISOString()}::timestamptz`.execute(db);
}

/** Jobs of a kind now queued (or waiting for a retry) and running. */
export async function bossJobCounts(
  db: Db,
  schema: string,
  kind: string,
): Promise<{ queued: number; running: number }> {
  const { rows } = await sql<{ queued: number; running: number }>`
    select count(*) filter (where state < 'active')::int as queued,
      count(*) filter (where state = 'active')::int as running
    from ${jobTable(schema)} where name = ${kind}`.execute(db);
  return rows[0] ?? { queued: 0, running: 0 };
}

/**
 * Creates pg-boss's queue for a kind unless it exists, one creation at a time across every
 * instance: two instances creating two queues at once deadlocked in pg-boss's create_queue
 * (each adds a partition and a foreign key to the same tables). `create` runs pg-boss's own
 * creation (on another connection) while this transaction holds the lock.
 */
export async function createBossQueueOnce(
  db: Db,
  schema: string,
  kind: string,
  create: () => Promise<void>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('codecard-create-queue'))`.execute(trx);
    const { rows } = await sql`
      select 1 from ${sql.id(schema, 'queue')} where name = ${kind}`.execute(trx);
    if (rows.length === 0) await create();
  });
}
