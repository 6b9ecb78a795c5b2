import type { Role } from './role.ts';

/**
 * Who is making a request, resolved from a session cookie or an API key. A request acts for
 * exactly one organization, with the role its member (or key) holds there.
 */
export interface Principal {
  kind: 'session' | 'api-key';
  /** The signed-in user; for an API key, the user who created it. */
  userId: string;
  email: string;
  /** Set for API keys: audit entries name the key. */
  apiKeyId: string | null;
  /** Set for sessions: sign-out ends this one. */
  sessionId: string | null;
  orgId: string;
  role: Role;
  /** May manage organizations and instance-wide reference data. */
  instanceAdmin: boolean;
}

/**
 * What a route needs: `public` (no sign-in: health, sign-in, setup), a role in the caller's
 * organization, or `instance-admin`.
 */
export type RouteAccess = 'public' | Role | 'instance-admin';
