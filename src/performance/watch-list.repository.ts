import { sql } from 'kysely';
import type { LibraryContext } from '../library/library-context.ts';
import type { WatchedCodeShape, WatchedSystem } from '../domain/watched-code.ts';

export interface WatchedCodeRow {
  code: string;
  system: WatchedSystem;
  addedBy: string | null;
  addedAt: Date;
}

/** The codes the organization chose to watch, in code order. */
export async function listWatchedCodes({ db, orgId }: LibraryContext): Promise<WatchedCodeRow[]> {
  return db
    .selectFrom('watched_codes')
    .select(['code', 'system', 'added_by as addedBy', 'added_at as addedAt'])
    .where('org_id', '=', orgId)
    .orderBy('code')
    .execute();
}

/** Adds a chosen code; false when the organization already watches it (the first add stays). */
export async function insertWatchedCode(
  { db, orgId }: LibraryContext,
  watched: WatchedCodeShape,
  addedBy: string | null,
): Promise<boolean> {
  const result = await db
    .insertInto('watched_codes')
    .values({ org_id: orgId, code: watched.code, system: watched.system, added_by: addedBy })
    .onConflict((c) => c.columns(['org_id', 'code']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Removes a chosen code; false when the organization did not watch it. */
export async function deleteWatchedCode(
  { db, orgId }: LibraryContext,
  code: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('watched_codes')
    .where('org_id', '=', orgId)
    .where('code', '=', code)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/**
 * The distinct procedure codes the organization's checks have seen (single, batch, CLI and EHR
 * checks all record one `check` event), since `since` when given. Read from the events' code
 * counters only: the lines' codes and the codes findings named. Claims, results and their
 * diagnoses are never read (they are patient data; the events hold none).
 */
export async function findCodesSeenInChecks(
  { db, orgId }: LibraryContext,
  since: Date | null,
): Promise<string[]> {
  const { rows } = await sql<{ code: string }>`
    select distinct seen.code
    from events,
      lateral (
        select jsonb_object_keys(coalesce(events.data -> 'lineCodes', '{}'::jsonb)) as code
        union
        select jsonb_object_keys(coalesce(events.data -> 'codes', '{}'::jsonb))
      ) as seen
    where events.org_id = ${orgId} and events.type = 'check'
      ${since ? sql`and events.at >= ${since.toISOString()}::timestamptz` : sql``}
    order by seen.code`.execute(db);
  return rows.map((row) => row.code);
}
