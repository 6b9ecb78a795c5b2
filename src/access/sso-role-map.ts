import { ROLES, type Role } from '../domain/role.ts';

/**
 * The Codecard role a user's groups grant: the highest role any of their groups maps to, else
 * the default role (null: none, the user is refused). The claim may be a list or one string
 * (some providers send a single group as a string); anything else counts as no groups.
 */
export function mapRole(
  claim: unknown,
  roleMap: ReadonlyMap<string, Role>,
  defaultRole: Role | null,
): Role | null {
  let best: Role | null = null;
  for (const group of groupsOf(claim)) {
    const role = roleMap.get(group);
    if (role && (best === null || ROLES.indexOf(role) > ROLES.indexOf(best))) best = role;
  }
  return best ?? defaultRole;
}

function groupsOf(claim: unknown): string[] {
  if (typeof claim === 'string') return [claim];
  if (Array.isArray(claim)) return claim.filter((g): g is string => typeof g === 'string');
  return [];
}
