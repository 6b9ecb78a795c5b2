import type { Db } from '../db/database.ts';

/**
 * Records a CDS Hooks JWT id as used until `expiresAt`; false when it was already used (a
 * replay). Kept in the database, not in memory, so every instance sees every use. Expired ids
 * are dropped on the way.
 */
export async function recordCdsJti(
  db: Db,
  issuer: string,
  jti: string,
  expiresAt: Date,
): Promise<boolean> {
  await db.deleteFrom('cds_seen_jtis').where('expires_at', '<', new Date()).execute();
  const inserted = await db
    .insertInto('cds_seen_jtis')
    .values({ issuer, jti, expires_at: expiresAt.toISOString() })
    .onConflict((oc) => oc.columns(['issuer', 'jti']).doNothing())
    .returning('jti')
    .executeTakeFirst();
  return inserted !== undefined;
}
