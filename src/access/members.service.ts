import type { Db } from '../db/database.ts';
import type { Role } from '../domain/role.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import type { AccessContext } from './access-context.ts';
import { deleteUserSessions } from './sessions.repository.ts';
import {
  findMembership,
  listMembers,
  removeMembership,
  setMembership,
} from './users.repository.ts';

/**
 * Changes a member's role. An organization always keeps one admin: the last one cannot be
 * demoted or removed (that would lock everyone out of its settings).
 */
export async function changeRole(
  access: AccessContext,
  orgId: string,
  userId: string,
  role: Role,
): Promise<void> {
  await access.db.transaction().execute(async (trx) => {
    const current = await findMembership(trx, userId, orgId);
    if (!current) throw new CodecardError('NOT_FOUND', { detail: `no member ${userId}` });
    if (current.role === 'admin' && role !== 'admin') await keepOneAdmin(trx, orgId);
    await setMembership(trx, userId, orgId, role);
  });
}

/** Removes a member from the organization and ends their sessions there. */
export async function removeMember(
  access: AccessContext,
  orgId: string,
  userId: string,
): Promise<void> {
  const current = await findMembership(access.db, userId, orgId);
  if (!current) throw new CodecardError('NOT_FOUND', { detail: `no member ${userId}` });
  if (current.role === 'admin') await keepOneAdmin(access.db, orgId);
  await removeMembership(access.db, userId, orgId);
  await deleteUserSessions(access.db, userId);
}

async function keepOneAdmin(db: Db, orgId: string): Promise<void> {
  const admins = (await listMembers(db, orgId)).filter((m) => m.role === 'admin');
  if (admins.length <= 1) {
    throw new CodecardError('BAD_INPUT', {
      detail: 'an organization needs at least one admin; make someone else admin first',
    });
  }
}
