import type { Db } from '../db/database.ts';

/** Links an existing account (found by its verified email) to an OpenID identity. */
export async function linkOidcIdentity(
  db: Db,
  userId: string,
  issuer: string,
  subject: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ oidc_issuer: issuer, oidc_subject: subject })
    .where('id', '=', userId)
    .execute();
}

/** The identity an account is linked to, if any (a linked account is not linked again). */
export async function oidcIdentityOf(
  db: Db,
  userId: string,
): Promise<{ oidc_issuer: string | null; oidc_subject: string | null } | undefined> {
  return db
    .selectFrom('users')
    .select(['oidc_issuer', 'oidc_subject'])
    .where('id', '=', userId)
    .executeTakeFirst();
}
