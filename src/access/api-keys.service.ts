import type { Principal } from '../domain/principal.ts';
import { isRole, type Role } from '../domain/role.ts';
import type { AccessContext } from './access-context.ts';
import { findApiKeyByHash, insertApiKey, touchApiKey } from './api-keys.repository.ts';
import { hashSecret, newId, newSecret } from './secret-token.ts';

const TOUCH_EVERY_MS = 60_000;

/** Creates a key for the organization; the key itself is returned once and never again. */
export async function createApiKey(
  access: AccessContext,
  spec: { orgId: string; name: string; role: Role; createdBy: string },
): Promise<{ id: string; key: string; prefix: string }> {
  const key = newSecret('key');
  const id = newId();
  const prefix = key.slice(0, 10);
  await insertApiKey(access.db, {
    id,
    org_id: spec.orgId,
    name: spec.name,
    role: spec.role,
    key_hash: hashSecret(key),
    prefix,
    created_by: spec.createdBy,
  });
  return { id, key, prefix };
}

/** The principal a Bearer key stands for; null when unknown, revoked or its creator disabled. */
export async function resolveApiKey(access: AccessContext, key: string): Promise<Principal | null> {
  const row = await findApiKeyByHash(access.db, hashSecret(key));
  if (!row || row.revoked_at || row.disabled_at || !isRole(row.role)) return null;
  const now = access.now();
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > TOUCH_EVERY_MS) {
    await touchApiKey(access.db, row.id, now.toISOString());
  }
  return {
    kind: 'api-key',
    userId: row.created_by,
    email: row.email,
    apiKeyId: row.id,
    sessionId: null,
    orgId: row.org_id,
    role: row.role,
    instanceAdmin: false,
  };
}
