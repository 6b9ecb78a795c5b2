import type { Role } from '../domain/role.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import type { AccessContext } from './access-context.ts';
import { createInvite } from './invites.service.ts';
import { findOrg } from './orgs.repository.ts';
import { hashPassword } from './password.ts';
import { newId } from './secret-token.ts';
import { normalizeEmail } from './sign-in.service.ts';
import { countUsers, findUserByEmail, insertUser, setMembership } from './users.repository.ts';

export interface AddUser {
  email: string;
  role: Role;
  orgId: string;
  instanceAdmin: boolean;
  /** Null: no password now; an invite link lets the user choose one. */
  password: string | null;
}

export type AddedUser =
  | { kind: 'created'; userId: string; role: Role; instanceAdmin: boolean }
  | { kind: 'invited'; token: string; role: Role; instanceAdmin: boolean };

/**
 * Adds a user from the command line (whoever can run it can already read the data directory).
 * The first user is always an admin and instance admin, so a fresh install can be set up
 * without the setup link.
 */
export async function addUser(access: AccessContext, spec: AddUser): Promise<AddedUser> {
  const first = (await countUsers(access.db)) === 0;
  const role: Role = first ? 'admin' : spec.role;
  const instanceAdmin = first || spec.instanceAdmin;
  const email = normalizeEmail(spec.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new CodecardError('BAD_INPUT', { detail: `"${spec.email}" is not an email address` });
  }
  if (!(await findOrg(access.db, spec.orgId))) {
    throw new CodecardError('BAD_INPUT', { detail: `no organization "${spec.orgId}"` });
  }
  if (await findUserByEmail(access.db, email)) throw new CodecardError('EMAIL_TAKEN');
  if (spec.password === null) {
    const token = await createInvite(access, {
      orgId: spec.orgId,
      role,
      email,
      instanceAdmin,
      createdBy: null,
    });
    return { kind: 'invited', token, role, instanceAdmin };
  }
  const passwordHash = await hashPassword(spec.password);
  const userId = newId();
  await access.db.transaction().execute(async (trx) => {
    await insertUser(trx, {
      id: userId,
      email,
      display_name: '',
      password_hash: passwordHash,
      instance_admin: instanceAdmin,
    });
    await setMembership(trx, userId, spec.orgId, role);
  });
  return { kind: 'created', userId, role, instanceAdmin };
}
