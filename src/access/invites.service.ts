import type { Role } from '../domain/role.ts';
import { isRole } from '../domain/role.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import type { AccessContext } from './access-context.ts';
import { findLiveInvite, insertInvite, takeInvite } from './invites.repository.ts';
import { checkPasswordRules, hashPassword } from './password.ts';
import { hashSecret, newId, newSecret } from './secret-token.ts';
import { normalizeEmail } from './sign-in.service.ts';
import { countUsers, findUserByEmail, insertUser, setMembership } from './users.repository.ts';

export interface InviteSpec {
  orgId: string;
  role: Role;
  email: string | null;
  instanceAdmin: boolean;
  createdBy: string | null;
}

/** Creates a one-time link token (shown once; only its hash is stored). */
export async function createInvite(access: AccessContext, spec: InviteSpec): Promise<string> {
  const token = newSecret('invite');
  await insertInvite(access.db, {
    token_hash: hashSecret(token),
    org_id: spec.orgId,
    role: spec.role,
    email: spec.email === null ? null : normalizeEmail(spec.email),
    instance_admin: spec.instanceAdmin,
    created_by: spec.createdBy,
    expires_at: new Date(access.now().getTime() + access.policy.inviteMs).toISOString(),
  });
  return token;
}

/**
 * With no user at all, a setup invite for the first administrator (an admin of the default
 * organization and an instance admin). Returns null once anyone exists.
 */
export async function firstAdminInvite(access: AccessContext): Promise<string | null> {
  if ((await countUsers(access.db)) > 0) return null;
  return createInvite(access, {
    orgId: 'default',
    role: 'admin',
    email: null,
    instanceAdmin: true,
    createdBy: null,
  });
}

export interface InviteView {
  orgId: string;
  role: Role;
  email: string | null;
  instanceAdmin: boolean;
}

export async function describeInvite(access: AccessContext, token: string): Promise<InviteView> {
  const invite = await findLiveInvite(access.db, hashSecret(token), access.now().toISOString());
  if (!invite || !isRole(invite.role)) throw new CodecardError('INVITE_INVALID');
  return {
    orgId: invite.org_id,
    role: invite.role,
    email: invite.email,
    instanceAdmin: invite.instance_admin,
  };
}

/**
 * Redeems an invite: creates the account with its password and membership, in one
 * transaction (a link can be used once, even by two racing requests).
 */
export async function acceptInvite(
  access: AccessContext,
  token: string,
  account: { email: string; password: string; displayName: string },
): Promise<{ userId: string; orgId: string }> {
  checkPasswordRules(account.password);
  const passwordHash = await hashPassword(account.password);
  return access.db.transaction().execute(async (trx) => {
    const invite = await takeInvite(trx, hashSecret(token), access.now().toISOString());
    if (!invite || !isRole(invite.role)) throw new CodecardError('INVITE_INVALID');
    const email = normalizeEmail(invite.email ?? account.email);
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
      throw new CodecardError('BAD_INPUT', { detail: 'an email address is needed' });
    }
    if (await findUserByEmail(trx, email)) throw new CodecardError('EMAIL_TAKEN');
    const userId = newId();
    await insertUser(trx, {
      id: userId,
      email,
      display_name: account.displayName.trim(),
      password_hash: passwordHash,
      instance_admin: invite.instance_admin,
    });
    await setMembership(trx, userId, invite.org_id, invite.role);
    return { userId, orgId: invite.org_id };
  });
}
