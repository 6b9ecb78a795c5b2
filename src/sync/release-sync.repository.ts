import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { ReleaseSyncsTable } from '../db/schema.ts';

export type SyncResult = ReleaseSyncsTable['result'];
export type SyncStep = NonNullable<ReleaseSyncsTable['failed_step']>;

export interface SyncRecord {
  orgId: string;
  datasetId: string;
  kind: string;
  result: SyncResult;
  failedStep: SyncStep | null;
  message: string | null;
  sourceUrl: string;
  /** The ETag or Last-Modified the download came with. */
  sourceValidator: string | null;
  releaseLabel: string | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  fileHash: string | null;
  documentId: number | null;
  checkedAt: Date;
}

export async function insertSyncRecord(db: Db, record: SyncRecord): Promise<void> {
  await db
    .insertInto('release_syncs')
    .values({
      org_id: record.orgId,
      dataset_id: record.datasetId,
      kind: record.kind,
      checked_at: record.checkedAt.toISOString(),
      result: record.result,
      failed_step: record.failedStep,
      message: record.message,
      source_url: record.sourceUrl,
      source_validator: record.sourceValidator,
      release_label: record.releaseLabel,
      published_on: record.publishedOn,
      effective_on: record.effectiveOn,
      file_hash: record.fileHash,
      document_id: record.documentId,
    })
    .execute();
}

/**
 * The document an earlier sync got from a download with this SHA-256, if that version is still
 * in the library: the same file need not be fetched or imported again.
 */
export async function heldDocumentForDownload(
  db: Db,
  orgId: string,
  fileHash: string,
): Promise<number | null> {
  const row = await db
    .selectFrom('release_syncs as s')
    .innerJoin('documents as d', (join) =>
      join.onRef('d.id', '=', 's.document_id').onRef('d.org_id', '=', 's.org_id'),
    )
    .select('d.id')
    .where('s.org_id', '=', orgId)
    .where('s.file_hash', '=', fileHash)
    .where('d.importing', '=', false)
    .orderBy('s.checked_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

export interface LastCheck {
  dataset_id: string;
  kind: string;
  checked_at: Date;
  result: SyncResult;
  failed_step: SyncStep | null;
  message: string | null;
  source_url: string;
}

/** Each dataset's latest check. */
export async function lastChecks(db: Db, orgId: string): Promise<LastCheck[]> {
  const { rows } = await sql<LastCheck>`
    select distinct on (dataset_id) dataset_id, kind, checked_at, result, failed_step, message,
      source_url
    from release_syncs
    where org_id = ${orgId}
    order by dataset_id, checked_at desc, id desc`.execute(db);
  return rows;
}

export interface HeldRelease {
  dataset_id: string;
  document_id: number;
  release_label: string | null;
  effective_on: string | null;
  published_on: string | null;
  /** Null for a release an admin imported by hand. */
  source_url: string | null;
}

/**
 * Each dataset's newest release held: of the versions its syncs imported or found, still in the
 * library, the one with the latest effective date (the label and dates as the mirror gave them,
 * else the document's own).
 */
export async function newestHeldReleases(db: Db, orgId: string): Promise<HeldRelease[]> {
  const { rows } = await sql<HeldRelease>`
    select distinct on (s.dataset_id) s.dataset_id, d.id as document_id,
      coalesce(s.release_label, d.release) as release_label,
      coalesce(s.effective_on, d.effective_from) as effective_on,
      s.published_on, s.source_url
    from release_syncs s
    join documents d on d.id = s.document_id and d.org_id = s.org_id and not d.importing
    where s.org_id = ${orgId} and s.result in ('imported', 'up-to-date')
    order by s.dataset_id, coalesce(s.effective_on, d.effective_from) desc nulls last,
      s.checked_at desc`.execute(db);
  return rows;
}

export interface ReferenceRelease {
  kind: string;
  setting: string | null;
  document_id: number;
  release: string | null;
  effective_from: string | null;
}

/**
 * Each (kind, setting)'s newest complete release in an organization's library, however it came
 * (a sync or an admin's own `import --reference`): a release imported by hand is held too, and
 * the calendar must judge it rather than call the dataset overdue.
 */
export async function newestCompleteReleases(db: Db, orgId: string): Promise<ReferenceRelease[]> {
  const { rows } = await sql<ReferenceRelease>`
    select distinct on (d.kind, d.setting) d.kind, d.setting, d.id as document_id, d.release,
      d.effective_from
    from documents d
    where d.org_id = ${orgId} and not d.partial and not d.importing
    order by d.kind, d.setting, d.effective_from desc nulls last, d.id desc`.execute(db);
  return rows;
}

export interface LastDownload {
  validator: string;
  documentId: number;
}

/**
 * What the last good check of this dataset got from this URL: the validator the server gave and
 * the version held, if that version is still in the library. The next check asks the server
 * whether the file changed since, instead of fetching it whole every day.
 */
export async function lastDownload(
  db: Db,
  orgId: string,
  datasetId: string,
  url: string,
): Promise<LastDownload | null> {
  const { rows } = await sql<{ validator: string; document_id: number }>`
    select s.source_validator as validator, d.id as document_id
    from release_syncs s
    join documents d on d.id = s.document_id and d.org_id = s.org_id and not d.importing
    where s.org_id = ${orgId} and s.dataset_id = ${datasetId} and s.source_url = ${url}
      and s.result in ('imported', 'up-to-date') and s.source_validator is not null
    order by s.checked_at desc, s.id desc
    limit 1`.execute(db);
  const row = rows[0];
  return row ? { validator: row.validator, documentId: Number(row.document_id) } : null;
}
