import type { Kysely, Selectable } from 'kysely';
import type { CheckJobStatus, CheckJobsTable, Database } from '../db/schema.ts';

export type CheckJobRow = Selectable<CheckJobsTable>;

/** Counts a batch has reached; written with each stored batch of results. */
export interface CheckJobCounts {
  done: number;
  claims_with_errors: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface CheckJobFailure {
  code: string;
  message: string;
}

export async function insertCheckJob(
  db: Kysely<Database>,
  job: { id: string; orgId: string; fileName: string; lang: string; total: number },
): Promise<void> {
  await db
    .insertInto('check_jobs')
    .values({
      id: job.id,
      org_id: job.orgId,
      file_name: job.fileName,
      lang: job.lang,
      status: 'queued',
      total: job.total,
      error_code: null,
      error_message: null,
      finished_at: null,
    })
    .execute();
}

export async function findCheckJob(
  db: Kysely<Database>,
  orgId: string,
  id: string,
): Promise<CheckJobRow | undefined> {
  return db
    .selectFrom('check_jobs')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Moves a job from one status to another, only if it is still in `from`: two callers racing
 * (a cancel and the job's start, two resumes) cannot both win. Returns whether this one did.
 */
export async function moveCheckJob(
  db: Kysely<Database>,
  orgId: string,
  id: string,
  from: CheckJobStatus,
  to: { status: CheckJobStatus; failure?: CheckJobFailure; resumable?: boolean },
): Promise<boolean> {
  const finished = to.status !== 'queued' && to.status !== 'running';
  const result = await db
    .updateTable('check_jobs')
    .set({
      status: to.status,
      resumable: to.resumable ?? false,
      error_code: to.failure?.code ?? null,
      error_message: to.failure?.message ?? null,
      finished_at: finished ? new Date().toISOString() : null,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateCheckJobCounts(
  db: Kysely<Database>,
  orgId: string,
  id: string,
  counts: CheckJobCounts,
): Promise<void> {
  await db
    .updateTable('check_jobs')
    .set(counts)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** Jobs a previous process left queued or running (every organization: the server's own view). */
export async function unfinishedCheckJobs(
  db: Kysely<Database>,
): Promise<Pick<CheckJobRow, 'id' | 'org_id' | 'status' | 'done' | 'total'>[]> {
  return db
    .selectFrom('check_jobs')
    .select(['id', 'org_id', 'status', 'done', 'total'])
    .where('status', 'in', ['queued', 'running'])
    .execute();
}

/** Deletes jobs (claims and results with them) that finished before `cutoff`; returns how many. */
export async function deleteCheckJobsFinishedBefore(
  db: Kysely<Database>,
  cutoff: Date,
): Promise<number> {
  const result = await db
    .deleteFrom('check_jobs')
    .where('finished_at', '<', cutoff)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Removes a job's claims and results (a cancelled job keeps neither). */
export async function deleteCheckJobRows(
  db: Kysely<Database>,
  orgId: string,
  id: string,
): Promise<void> {
  for (const table of ['check_job_claims', 'check_results'] as const)
    await db.deleteFrom(table).where('org_id', '=', orgId).where('job_id', '=', id).execute();
}
