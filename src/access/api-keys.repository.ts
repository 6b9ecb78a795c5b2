import type { Db } from '../db/database.ts';

export interface ApiKeyRow {
  id: string;
  org_id: string;
  name: string;
  role: string;
  prefix: string;
  created_by: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const keyColumns = [
  'k.id',
  'k.org_id',
  'k.name',
  'k.role',
  'k.prefix',
  'k.created_by',
  'k.created_at',
  'k.last_used_at',
  'k.revoked_at',
] as const;

export async function insertApiKey(
  db: Db,
  key: {
    id: string;
    org_id: string;
    name: string;
    role: string;
    key_hash: string;
    prefix: string;
    created_by: string;
  },
): Promise<void> {
  await db.insertInto('api_keys').values(key).execute();
}

export async function findApiKeyByHash(
  db: Db,
  keyHash: string,
): Promise<(ApiKeyRow & { email: string; disabled_at: Date | null }) | undefined> {
  return db
    .selectFrom('api_keys as k')
    .innerJoin('users as u', 'u.id', 'k.created_by')
    .select([...keyColumns, 'u.email', 'u.disabled_at'])
    .where('k.key_hash', '=', keyHash)
    .executeTakeFirst();
}

export async function listApiKeys(db: Db, orgId: string): Promise<ApiKeyRow[]> {
  return db
    .selectFrom('api_keys as k')
    .select(keyColumns)
    .where('k.org_id', '=', orgId)
    .orderBy('k.created_at', 'desc')
    .execute();
}

/** Revokes a key of this organization; false when there is no such (live) key. */
export async function revokeApiKey(
  db: Db,
  orgId: string,
  id: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function touchApiKey(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
}
