import type { SsoConfig } from '../config/sso-config.ts';
import type { Role } from '../domain/role.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import type { AccessContext } from './access-context.ts';
import { findOrg } from './orgs.repository.ts';
import { newId } from './secret-token.ts';
import { normalizeEmail } from './sign-in.service.ts';
import type { SsoClaims } from './sso-client.ts';
import { linkOidcIdentity, oidcIdentityOf } from './sso-accounts.repository.ts';
import { mapRole } from './sso-role-map.ts';
import {
  findUserByEmail,
  findUserByOidc,
  insertUser,
  removeMembership,
  setMembership,
  type UserRow,
} from './users.repository.ts';

/** A refusal names the account it concerned (when there is one) for the audit log. */
export type SsoSignIn =
  | { ok: true; userId: string; orgId: string; role: Role }
  | { ok: false; error: CodecardError; userId: string | null };

/**
 * The account behind a validated ID token, created on first sign-in. The provider is the source
 * of truth for roles: the membership is set from the user's groups at every sign-in, and a user
 * whose groups no longer grant a role loses it (their sessions end with it).
 *
 * An existing password account with the same email is linked only when the provider says the
 * email is verified: otherwise anyone able to register that address at the provider (or edit
 * their profile email) could take the account over. Unverified, it is refused, not duplicated
 * (emails are unique).
 */
export async function signInWithSso(
  access: AccessContext,
  config: SsoConfig,
  claims: SsoClaims,
): Promise<SsoSignIn> {
  const issuer = typeof claims.iss === 'string' ? claims.iss : config.issuer.href;
  const role = mapRole(claims[config.roleClaim], config.roleMap, config.defaultRole);
  const linked = await findUserByOidc(access.db, issuer, claims.sub);
  if (!(await findOrg(access.db, config.orgId)))
    return refuse('SSO_FAILED', linked, `organization "${config.orgId}" does not exist`);
  if (linked) {
    if (linked.disabled_at) return refuse('SSO_FAILED', linked, 'the account is disabled');
    if (!role) {
      await removeMembership(access.db, linked.id, config.orgId);
      return refuse('SSO_NO_ROLE', linked);
    }
    await setMembership(access.db, linked.id, config.orgId, role);
    return { ok: true, userId: linked.id, orgId: config.orgId, role };
  }
  const email = typeof claims.email === 'string' ? normalizeEmail(claims.email) : '';
  if (!email.includes('@')) return refuse('SSO_FAILED', null, 'the provider sent no email');
  const existing = await findUserByEmail(access.db, email);
  if (existing && !(await linkable(access, existing, claims)))
    return refuse('SSO_EMAIL_CONFLICT', existing);
  if (existing?.disabled_at) return refuse('SSO_FAILED', existing, 'the account is disabled');
  if (!role) return refuse('SSO_NO_ROLE', existing ?? null);
  const userId = existing?.id ?? newId();
  await access.db.transaction().execute(async (trx) => {
    if (existing) await linkOidcIdentity(trx, userId, issuer, claims.sub);
    else
      await insertUser(trx, {
        id: userId,
        email,
        display_name: typeof claims.name === 'string' ? claims.name : '',
        password_hash: null,
        instance_admin: false,
        oidc_issuer: issuer,
        oidc_subject: claims.sub,
      });
    await setMembership(trx, userId, config.orgId, role);
  });
  return { ok: true, userId, orgId: config.orgId, role };
}

/** A verified email, and an account not linked to another identity already. */
async function linkable(access: AccessContext, user: UserRow, claims: SsoClaims): Promise<boolean> {
  // AWS Cognito sends the boolean as a string.
  const verified = claims.email_verified === true || claims.email_verified === 'true';
  const identity = await oidcIdentityOf(access.db, user.id);
  return verified && !identity?.oidc_subject;
}

function refuse(
  code: 'SSO_FAILED' | 'SSO_NO_ROLE' | 'SSO_EMAIL_CONFLICT',
  user: UserRow | null | undefined,
  reason?: string,
): SsoSignIn {
  const error = new CodecardError(code, reason === undefined ? {} : { reason });
  return { ok: false, error, userId: user?.id ?? null };
}
