import type { Db } from '../db/database.ts';

export interface EhrAccessRequestRow {
  id: number;
  userEmail: string;
  note: string;
  requestedAt: Date;
}

export async function hasOpenEhrAccessRequest(
  db: Db,
  orgId: string,
  userId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('ehr_access_requests')
    .select('id')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('handled_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Records the request; false when the user already has one open (once per user while open). */
export async function insertEhrAccessRequest(
  db: Db,
  request: { orgId: string; userId: string; note: string },
): Promise<boolean> {
  const result = await db
    .insertInto('ehr_access_requests')
    .values({ org_id: request.orgId, user_id: request.userId, note: request.note })
    .onConflict((oc) =>
      oc.columns(['org_id', 'user_id']).where('handled_at', 'is', null).doNothing(),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The organization's open requests, newest first. */
export async function listOpenEhrAccessRequests(
  db: Db,
  orgId: string,
): Promise<EhrAccessRequestRow[]> {
  const rows = await db
    .selectFrom('ehr_access_requests as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'u.email', 'r.note', 'r.requested_at'])
    .where('r.org_id', '=', orgId)
    .where('r.handled_at', 'is', null)
    .orderBy('r.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    userEmail: row.email,
    note: row.note,
    requestedAt: row.requested_at,
  }));
}
