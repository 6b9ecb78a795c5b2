import type { ApiKeyRow } from '../../access/api-keys.repository.ts';
import type { ApiKey } from '../../contracts/access.ts';
import { isRole } from '../../domain/role.ts';

export function apiKeyJson(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    role: isRole(row.role) ? row.role : 'viewer',
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}
