import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';

export interface SmartLaunchRow {
  stateHash: string;
  orgId: string;
  issuer: string;
  launch: string | null;
  redirectUri: string;
  sealedVerifier: string;
  bindingHash: string;
  expiresAt: Date;
}

export async function insertSmartLaunch(db: Db, launch: SmartLaunchRow): Promise<void> {
  await db
    .insertInto('smart_launches')
    .values({
      state_hash: launch.stateHash,
      org_id: launch.orgId,
      issuer: launch.issuer,
      launch: launch.launch,
      redirect_uri: launch.redirectUri,
      sealed_verifier: launch.sealedVerifier,
      binding_hash: launch.bindingHash,
      expires_at: launch.expiresAt.toISOString(),
    })
    .execute();
}

/** Takes the launch waiting for this state (deleting it: a state works once), with old ones. */
export async function takeSmartLaunch(
  db: Db,
  stateHash: string,
  now: Date,
): Promise<SmartLaunchRow | null> {
  await db.deleteFrom('smart_launches').where('expires_at', '<', now).execute();
  const row = await db
    .deleteFrom('smart_launches')
    .where('state_hash', '=', stateHash)
    .returningAll()
    .executeTakeFirst();
  if (!row) return null;
  return {
    stateHash: row.state_hash,
    orgId: row.org_id,
    issuer: row.issuer,
    launch: row.launch,
    redirectUri: row.redirect_uri,
    sealedVerifier: row.sealed_verifier,
    bindingHash: row.binding_hash,
    expiresAt: row.expires_at,
  };
}

/** The instance's key for sealing SMART values, made on first use and shared by instances. */
export async function ehrSealSecret(db: Db): Promise<string> {
  await db
    .insertInto('ehr_seal_keys')
    .values({ id: 1, secret: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const row = await db
    .selectFrom('ehr_seal_keys')
    .select('secret')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return row.secret;
}

/** Marks an account as made by (or used through) an EHR launch. */
export async function markEhrUser(db: Db, userId: string): Promise<void> {
  await db.updateTable('users').set({ ehr_user: true }).where('id', '=', userId).execute();
}
