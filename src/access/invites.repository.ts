import type { Db } from '../db/database.ts';

export interface InviteRow {
  org_id: string;
  role: string;
  email: string | null;
  instance_admin: boolean;
}

export async function insertInvite(
  db: Db,
  invite: InviteRow & { token_hash: string; created_by: string | null; expires_at: string },
): Promise<void> {
  await db.insertInto('invites').values(invite).execute();
}

/** Marks a live invite used and returns it; undefined when used, expired or unknown. */
export async function takeInvite(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<InviteRow | undefined> {
  return db
    .updateTable('invites')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date(now))
    .returning(['org_id', 'role', 'email', 'instance_admin'])
    .executeTakeFirst();
}

export async function findLiveInvite(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<InviteRow | undefined> {
  return db
    .selectFrom('invites')
    .select(['org_id', 'role', 'email', 'instance_admin'])
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date(now))
    .executeTakeFirst();
}
