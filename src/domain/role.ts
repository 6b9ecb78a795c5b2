/**
 * What a member of an organization may do. Each role includes everything below it:
 * viewer (cards, ask, search) < coder (+ claim checks, batches, threads) < librarian (+ upload,
 * import, delete documents) < admin (+ users, API keys, settings, audit log, Performance).
 */
export const ROLES = ['viewer', 'coder', 'librarian', 'admin'] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** True when `held` includes everything `needed` may do. */
export function roleIncludes(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}
