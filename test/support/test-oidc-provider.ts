import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestIdentity {
  email: string;
  email_verified: boolean;
  name?: string;
  groups: string[];
}

export interface TestOidcProvider {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** The identities by subject; change one between sign-ins to change its groups. */
  accounts: Map<string, TestIdentity>;
  /** Every authorization request the provider received (to check PKCE was asked for). */
  authorizationRequests: URL[];
  close: () => Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1 and a random port, with one confidential
 * client (client_secret_basic, PKCE required) and its development login and consent pages,
 * which accept any login name: the subject is whatever the form sends.
 */
export async function startTestOidcProvider(redirectUri: string): Promise<TestOidcProvider> {
  const accounts = new Map<string, TestIdentity>();
  const authorizationRequests: URL[] = [];
  let handler: RequestListener | null = null;
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/auth?')) authorizationRequests.push(new URL(req.url, issuer));
    handler?.(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const clientId = 'codecard-test';
  const clientSecret = 'test-client-secret-0123456789abcdef';
  const provider = new Provider(issuer.origin, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    scopes: ['openid', 'email', 'profile', 'groups'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      groups: ['groups'],
    },
    cookies: { keys: ['test-provider-cookie-key'] },
    // Set explicitly only to keep the provider from printing a notice for each default.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 3600,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
    },
    findAccount: (_ctx: unknown, sub: string) => {
      const identity = accounts.get(sub);
      if (!identity) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...accounts.get(sub) }) };
    },
  });
  handler = provider.callback();
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    authorizationRequests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
