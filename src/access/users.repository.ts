import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Role } from '../domain/role.ts';

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  instance_admin: boolean;
  failed_logins: number;
  locked_until: Date | null;
  disabled_at: Date | null;
}

export interface MemberRow {
  id: string;
  email: string;
  display_name: string;
  role: string;
  instance_admin: boolean;
  created_at: Date;
  signs_in_with: 'password' | 'sso' | 'invited';
}

const userColumns = [
  'id',
  'email',
  'display_name',
  'password_hash',
  'instance_admin',
  'failed_logins',
  'locked_until',
  'disabled_at',
] as const;

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').select(userColumns).where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
}

export async function findUserByOidc(
  db: Db,
  issuer: string,
  subject: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .select(userColumns)
    .where('oidc_issuer', '=', issuer)
    .where('oidc_subject', '=', subject)
    .executeTakeFirst();
}

export interface NewUser {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  instance_admin: boolean;
  oidc_issuer?: string | null;
  oidc_subject?: string | null;
}

export async function insertUser(db: Db, user: NewUser): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function recordFailedSignIn(
  db: Db,
  userId: string,
  lockedUntil: string | null,
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1), locked_until: lockedUntil }))
    .where('id', '=', userId)
    .execute();
}

export async function clearFailedSignIns(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}

export async function setMembership(
  db: Db,
  userId: string,
  orgId: string,
  role: Role,
): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ user_id: userId, org_id: orgId, role })
    .onConflict((oc) => oc.columns(['user_id', 'org_id']).doUpdateSet({ role }))
    .execute();
}

/** Removes the user from the organization; returns false when they were not a member. */
export async function removeMembership(db: Db, userId: string, orgId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('memberships')
    .where('user_id', '=', userId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function findMembership(
  db: Db,
  userId: string,
  orgId: string,
): Promise<{ role: string } | undefined> {
  return db
    .selectFrom('memberships')
    .select('role')
    .where('user_id', '=', userId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

/** The organizations a user belongs to, oldest membership first (the default at sign-in). */
export async function membershipsOf(
  db: Db,
  userId: string,
): Promise<{ org_id: string; role: string; org_name: string }[]> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .select(['m.org_id', 'm.role', 'o.name as org_name'])
    .where('m.user_id', '=', userId)
    .orderBy('m.created_at')
    .orderBy('m.org_id')
    .execute();
}

export async function listMembers(db: Db, orgId: string): Promise<MemberRow[]> {
  const result = await sql<MemberRow>`
    select u.id, u.email, u.display_name, m.role, u.instance_admin, m.created_at,
      case when u.password_hash is not null then 'password'
           when u.oidc_subject is not null then 'sso' else 'invited' end as signs_in_with
    from memberships m join users u on u.id = m.user_id
    where m.org_id = ${orgId}
    order by u.email`.execute(db);
  return result.rows;
}
