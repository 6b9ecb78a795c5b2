import { ROLES, isRole, type Role } from '../domain/role.ts';
import { CodecardError } from '../errors/codecard-error.ts';

/** Single sign-on with an OpenID Connect provider (CODECARD_OIDC_*); null when not configured. */
export interface SsoConfig {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: <public URL>/api/auth/sso/callback. */
  redirectUri: URL;
  scopes: string[];
  /** The ID token or userinfo claim that lists the user's groups (or roles). */
  roleClaim: string;
  /** Group name → Codecard role; the highest role any of the user's groups maps to wins. */
  roleMap: ReadonlyMap<string, Role>;
  /** The role of a user none of whose groups is mapped; null: such a user is refused. */
  defaultRole: Role | null;
  /** The organization SSO accounts join. */
  orgId: string;
}

export const SSO_CALLBACK_PATH = '/api/auth/sso/callback';

// "groups" is not a standard scope and some providers refuse a scope they do not know, so it
// is not asked for unless configured (Keycloak and Entra put groups in the token without it).
const DEFAULT_SCOPES = 'openid email profile';

/**
 * Reads CODECARD_OIDC_*. SSO is off while CODECARD_OIDC_ISSUER is unset; once it is set, every
 * other value must make sense or the server refuses to start with the variable named.
 */
export function ssoConfigFromEnv(env: NodeJS.ProcessEnv, publicBase: URL): SsoConfig | null {
  const issuerText = env.CODECARD_OIDC_ISSUER?.trim();
  if (!issuerText) return null;
  const issuer = URL.canParse(issuerText) ? new URL(issuerText) : null;
  if (!issuer || (issuer.protocol !== 'https:' && !isLoopbackHttp(issuer)))
    bad(
      `CODECARD_OIDC_ISSUER must be an https URL (http only on a loopback address), got "${issuerText}"`,
    );
  const scopes = (env.CODECARD_OIDC_SCOPES?.trim() || DEFAULT_SCOPES).split(/[\s,]+/);
  if (!scopes.includes('openid')) bad('CODECARD_OIDC_SCOPES must include "openid"');
  const defaultRole = env.CODECARD_OIDC_DEFAULT_ROLE?.trim() || null;
  if (defaultRole !== null && !isRole(defaultRole))
    bad(`CODECARD_OIDC_DEFAULT_ROLE must be one of ${ROLES.join(', ')}, got "${defaultRole}"`);
  return {
    issuer,
    clientId: required(env, 'CODECARD_OIDC_CLIENT_ID'),
    clientSecret: required(env, 'CODECARD_OIDC_CLIENT_SECRET'),
    redirectUri: new URL(SSO_CALLBACK_PATH, publicBase),
    scopes,
    roleClaim: env.CODECARD_OIDC_ROLE_CLAIM?.trim() || 'groups',
    roleMap: parseRoleMap(env.CODECARD_OIDC_ROLE_MAP ?? ''),
    defaultRole,
    orgId: env.CODECARD_OIDC_ORG?.trim() || 'default',
  };
}

/** "coding-admins=admin,coders=coder" → a map; a group may be named once. */
export function parseRoleMap(raw: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const entry of raw.split(',')) {
    if (entry.trim() === '') continue;
    const at = entry.lastIndexOf('=');
    const group = entry.slice(0, at).trim();
    const role = entry.slice(at + 1).trim();
    if (at < 1 || group === '' || !isRole(role))
      bad(
        `CODECARD_OIDC_ROLE_MAP: "${entry.trim()}" is not group=role (roles: ${ROLES.join(', ')})`,
      );
    if (map.has(group)) bad(`CODECARD_OIDC_ROLE_MAP names the group "${group}" twice`);
    map.set(group, role);
  }
  return map;
}

/** Plain http is allowed only to this machine (a test or development provider). */
export function isLoopbackHttp(url: URL): boolean {
  return (
    url.protocol === 'http:' &&
    ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname.toLowerCase())
  );
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim();
  if (!value) bad(`${name} is required when CODECARD_OIDC_ISSUER is set`);
  return value;
}

function bad(detail: string): never {
  throw new CodecardError('BAD_INPUT', { detail });
}
