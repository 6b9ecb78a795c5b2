import { describe, expect, it } from 'vitest';
import { ssoConfigFromEnv } from './sso-config.ts';

const base = new URL('https://codecard.example.org');
const env = {
  CODECARD_OIDC_ISSUER: 'https://login.example.org/realms/clinic',
  CODECARD_OIDC_CLIENT_ID: 'codecard',
  CODECARD_OIDC_CLIENT_SECRET: 'secret',
};

describe('ssoConfigFromEnv', () => {
  it('is off without an issuer', () => {
    expect(ssoConfigFromEnv({}, base)).toBeNull();
  });

  it('fills the defaults and the redirect URI from the public address', () => {
    const config = ssoConfigFromEnv(env, base);
    expect(config).toMatchObject({
      clientId: 'codecard',
      scopes: ['openid', 'email', 'profile'],
      roleClaim: 'groups',
      defaultRole: null,
      orgId: 'default',
    });
    expect(config?.redirectUri.href).toBe('https://codecard.example.org/api/auth/sso/callback');
    expect(config?.roleMap.size).toBe(0);
  });

  it('reads the role map, default role, scopes and organization', () => {
    const config = ssoConfigFromEnv(
      {
        ...env,
        CODECARD_OIDC_SCOPES: 'openid email groups',
        CODECARD_OIDC_ROLE_CLAIM: 'roles',
        CODECARD_OIDC_ROLE_MAP: 'coders=coder,staff=viewer',
        CODECARD_OIDC_DEFAULT_ROLE: 'viewer',
        CODECARD_OIDC_ORG: 'clinic',
      },
      base,
    );
    expect(config).toMatchObject({
      scopes: ['openid', 'email', 'groups'],
      roleClaim: 'roles',
      defaultRole: 'viewer',
      orgId: 'clinic',
    });
    expect([...(config?.roleMap ?? [])]).toEqual([
      ['coders', 'coder'],
      ['staff', 'viewer'],
    ]);
  });

  it('refuses what cannot work, naming the variable', () => {
    const bad = (extra: Record<string, string>) => () =>
      ssoConfigFromEnv({ ...env, ...extra }, base);
    expect(bad({ CODECARD_OIDC_ISSUER: 'http://login.example.org' })).toThrow(/https URL/);
    expect(bad({ CODECARD_OIDC_ISSUER: 'not a url' })).toThrow(/CODECARD_OIDC_ISSUER/);
    expect(bad({ CODECARD_OIDC_CLIENT_SECRET: ' ' })).toThrow(
      /CODECARD_OIDC_CLIENT_SECRET is required/,
    );
    expect(bad({ CODECARD_OIDC_SCOPES: 'email' })).toThrow(/must include "openid"/);
    expect(bad({ CODECARD_OIDC_DEFAULT_ROLE: 'owner' })).toThrow(/CODECARD_OIDC_DEFAULT_ROLE/);
    expect(bad({ CODECARD_OIDC_ROLE_MAP: 'coders' })).toThrow(/CODECARD_OIDC_ROLE_MAP/);
  });

  it('accepts plain http for a provider on this machine only', () => {
    const local = ssoConfigFromEnv({ ...env, CODECARD_OIDC_ISSUER: 'http://127.0.0.1:8080' }, base);
    expect(local?.issuer.host).toBe('127.0.0.1:8080');
  });
});
