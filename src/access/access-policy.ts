/** How long sessions, invites and lockouts last. Defaults suit a shared coding workstation. */
export interface AccessPolicy {
  /** A session unused this long ends (HIPAA's automatic logoff). */
  sessionIdleMs: number;
  /** A session ends this long after sign-in however busy it is. */
  sessionMaxMs: number;
  /** The first-start setup link and invites stay valid this long. */
  inviteMs: number;
  /** Failed sign-ins allowed before the account locks. */
  freeFailures: number;
  /** The first lock; each further failure doubles it, up to lockMaxMs. */
  lockBaseMs: number;
  lockMaxMs: number;
}

const MINUTE = 60_000;

export const defaultAccessPolicy: AccessPolicy = {
  sessionIdleMs: 60 * MINUTE,
  sessionMaxMs: 12 * 60 * MINUTE,
  inviteMs: 60 * MINUTE,
  freeFailures: 5,
  lockBaseMs: 30_000,
  lockMaxMs: 60 * MINUTE,
};

/** How long the account locks after `failures` consecutive failed sign-ins (0: not locked). */
export function lockDuration(policy: AccessPolicy, failures: number): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = Math.min(failures - policy.freeFailures, 30);
  return Math.min(policy.lockBaseMs * 2 ** doublings, policy.lockMaxMs);
}

/** The policy with the session limits an operator configured. */
export function accessPolicyFrom(config: {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
}): AccessPolicy {
  return {
    ...defaultAccessPolicy,
    sessionIdleMs: config.sessionIdleMinutes * MINUTE,
    sessionMaxMs: config.sessionMaxHours * 60 * MINUTE,
  };
}
