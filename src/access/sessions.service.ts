import type { Principal } from '../domain/principal.ts';
import { isRole } from '../domain/role.ts';
import type { AccessContext } from './access-context.ts';
import { hashSecret, newSecret } from './secret-token.ts';
import {
  deleteSession,
  deleteUserSessions,
  findSession,
  insertSession,
  touchSession,
} from './sessions.repository.ts';

// Writing last_seen_at on every request would make each read a write; a minute is precise
// enough for an idle limit counted in tens of minutes.
const TOUCH_EVERY_MS = 60_000;

/** Starts a session and returns its secret (the cookie value); only its hash is stored. */
export async function startSession(
  access: AccessContext,
  userId: string,
  orgId: string,
): Promise<{ secret: string; expiresAt: Date }> {
  const secret = newSecret('session');
  const now = access.now();
  const expiresAt = new Date(now.getTime() + access.policy.sessionMaxMs);
  await insertSession(access.db, {
    id_hash: hashSecret(secret),
    user_id: userId,
    org_id: orgId,
    expires_at: expiresAt.toISOString(),
    at: now.toISOString(),
  });
  return { secret, expiresAt };
}

/**
 * The principal a session cookie stands for, or null when the session is unknown, idle too
 * long, past its absolute limit, its user disabled or no longer a member (expired sessions are
 * removed on sight).
 */
export async function resolveSession(
  access: AccessContext,
  secret: string,
): Promise<Principal | null> {
  const idHash = hashSecret(secret);
  const row = await findSession(access.db, idHash);
  if (!row) return null;
  const now = access.now().getTime();
  const idle = now - row.last_seen_at.getTime() > access.policy.sessionIdleMs;
  if (idle || now >= row.expires_at.getTime()) {
    await deleteSession(access.db, idHash);
    return null;
  }
  if (row.disabled_at || row.role === null || !isRole(row.role)) return null;
  if (now - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await touchSession(access.db, idHash, new Date(now).toISOString());
  }
  return {
    kind: 'session',
    userId: row.user_id,
    email: row.email,
    apiKeyId: null,
    sessionId: idHash,
    orgId: row.org_id,
    role: row.role,
    instanceAdmin: row.instance_admin,
  };
}

export async function endSession(access: AccessContext, sessionIdHash: string): Promise<void> {
  await deleteSession(access.db, sessionIdHash);
}

export async function endAllSessions(access: AccessContext, userId: string): Promise<number> {
  return deleteUserSessions(access.db, userId);
}
