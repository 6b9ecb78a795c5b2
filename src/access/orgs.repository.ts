import type { Db } from '../db/database.ts';

export interface OrgRow {
  id: string;
  name: string;
}

export async function listOrgs(db: Db): Promise<OrgRow[]> {
  return db.selectFrom('orgs').select(['id', 'name']).orderBy('id').execute();
}

export async function findOrg(db: Db, id: string): Promise<OrgRow | undefined> {
  return db.selectFrom('orgs').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

/** Returns false when an organization with this id exists already. */
export async function insertOrg(db: Db, org: OrgRow): Promise<boolean> {
  const inserted = await db
    .insertInto('orgs')
    .values(org)
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}
