import type { Db } from '../db/database.ts';

export interface SessionRow {
  id_hash: string;
  user_id: string;
  org_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  email: string;
  instance_admin: boolean;
  disabled_at: Date | null;
  role: string | null;
}

export async function insertSession(
  db: Db,
  session: { id_hash: string; user_id: string; org_id: string; expires_at: string; at: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: session.id_hash,
      user_id: session.user_id,
      org_id: session.org_id,
      expires_at: session.expires_at,
      created_at: session.at,
      last_seen_at: session.at,
    })
    .execute();
}

/** The session with its user and the user's current role in the session's organization. */
export async function findSession(db: Db, idHash: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('memberships as m', (join) =>
      join.onRef('m.user_id', '=', 's.user_id').onRef('m.org_id', '=', 's.org_id'),
    )
    .select([
      's.id_hash',
      's.user_id',
      's.org_id',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
      'u.email',
      'u.instance_admin',
      'u.disabled_at',
      'm.role',
    ])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
}

export async function touchSession(db: Db, idHash: string, at: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: at })
    .where('id_hash', '=', idHash)
    .execute();
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a user ("sign out everywhere", a removed member, a new password). */
export async function deleteUserSessions(db: Db, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
