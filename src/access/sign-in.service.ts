import { CodecardError } from '../errors/codecard-error.ts';
import type { AccessContext } from './access-context.ts';
import { lockDuration } from './access-policy.ts';
import { passwordMatches, verifyNothing } from './password.ts';
import {
  clearFailedSignIns,
  findUserByEmail,
  membershipsOf,
  recordFailedSignIn,
} from './users.repository.ts';

export interface SignedIn {
  userId: string;
  orgId: string;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an email and password. Every failure answers the same SIGN_IN_FAILED whether the
 * account exists or not (and takes the same time); consecutive failures lock the account
 * with a doubling back-off, so guessing is slow even from many addresses.
 */
export async function signInWithPassword(
  access: AccessContext,
  email: string,
  password: string,
  orgId?: string,
): Promise<SignedIn> {
  const user = await findUserByEmail(access.db, normalizeEmail(email));
  if (!user?.password_hash || user.disabled_at) {
    await verifyNothing(password);
    throw new CodecardError('SIGN_IN_FAILED');
  }
  const now = access.now().getTime();
  if (user.locked_until && user.locked_until.getTime() > now) {
    const seconds = Math.ceil((user.locked_until.getTime() - now) / 1000);
    throw new CodecardError('ACCOUNT_LOCKED', { seconds });
  }
  if (!(await passwordMatches(user.password_hash, password))) {
    const lockMs = lockDuration(access.policy, user.failed_logins + 1);
    const lockedUntil = lockMs > 0 ? new Date(now + lockMs).toISOString() : null;
    await recordFailedSignIn(access.db, user.id, lockedUntil);
    throw new CodecardError('SIGN_IN_FAILED');
  }
  const orgs = await membershipsOf(access.db, user.id);
  const org = orgId ? orgs.find((m) => m.org_id === orgId) : orgs[0];
  if (!org) throw new CodecardError('SIGN_IN_FAILED');
  await clearFailedSignIns(access.db, user.id);
  return { userId: user.id, orgId: org.org_id };
}
