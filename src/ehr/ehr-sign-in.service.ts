import { createHash } from 'node:crypto';
import type { AccessContext } from '../access/access-context.ts';
import { newId } from '../access/secret-token.ts';
import {
  findMembership,
  findUserByOidc,
  insertUser,
  setMembership,
} from '../access/users.repository.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import type { SmartGrant } from './smart-client.ts';
import { markEhrUser } from './smart-launches.repository.ts';

/**
 * The Codecard account of the EHR user behind a SMART grant: the identity is the EHR's issuer
 * and the ID token's subject. A first launch makes the account (role coder in the connection's
 * organization, marked as an EHR user, no password, an address under .invalid that no one can
 * receive mail at, so it never links to or takes over another account). An account the admin
 * disabled, or removed from the organization, is refused rather than re-admitted.
 */
export async function signInFromEhr(
  access: AccessContext,
  orgId: string,
  iss: string,
  grant: SmartGrant,
): Promise<string> {
  const linked = await findUserByOidc(access.db, iss, grant.subject);
  if (linked) {
    if (linked.disabled_at) throw refused('the account is disabled');
    if (!(await findMembership(access.db, linked.id, orgId)))
      throw refused('the account is not a member of the organization');
    return linked.id;
  }
  const userId = newId();
  const digest = createHash('sha256').update(`${iss}\n${grant.subject}`).digest('hex');
  await access.db.transaction().execute(async (trx) => {
    await insertUser(trx, {
      id: userId,
      email: `ehr-${digest.slice(0, 24)}@${orgId}.ehr.invalid`,
      display_name: grant.name ?? grant.fhirUser ?? '',
      password_hash: null,
      instance_admin: false,
      oidc_issuer: iss,
      oidc_subject: grant.subject,
    });
    await markEhrUser(trx, userId);
    await setMembership(trx, userId, orgId, 'coder');
  });
  return userId;
}

function refused(reason: string): CodecardError {
  return new CodecardError('SMART_LAUNCH_FAILED', { reason });
}
