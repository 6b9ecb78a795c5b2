import { findUserById, membershipsOf } from '../../access/users.repository.ts';
import type { Me } from '../../contracts/access.ts';
import type { Db } from '../../db/database.ts';
import { isRole, type Role } from '../../domain/role.ts';
import { CodecardError } from '../../errors/codecard-error.ts';

/** The caller as the web app shows them: account, current organization and role, the others. */
export async function describeMe(
  db: Db,
  userId: string,
  orgId: string,
  via: 'session' | 'api-key',
  /** An API key acts with its own role, not its creator's. */
  role?: Role,
): Promise<Me> {
  const user = await findUserById(db, userId);
  if (!user) throw new CodecardError('SIGN_IN_REQUIRED');
  const orgs = (await membershipsOf(db, userId)).flatMap((m) =>
    isRole(m.role) ? [{ id: m.org_id, name: m.org_name, role: m.role }] : [],
  );
  const org = orgs.find((o) => o.id === orgId);
  if (!org) throw new CodecardError('SIGN_IN_REQUIRED');
  return {
    user: { id: user.id, email: user.email, instanceAdmin: user.instance_admin },
    org: role ? { ...org, role } : org,
    orgs,
    via,
  };
}
