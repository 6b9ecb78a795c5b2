import * as oidc from 'openid-client';
import { isLoopbackHttp, type SsoConfig } from '../config/sso-config.ts';
import { CodecardError } from '../errors/codecard-error.ts';

/** What the callback needs to check the provider's answer; kept sealed in the browser. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Where to go after signing in: a path on this site. */
  returnTo: string;
}

/** The claims Codecard reads: the ID token's, completed from userinfo where it is silent. */
export type SsoClaims = Record<string, unknown> & { sub: string };

/**
 * One OpenID provider, discovered once (its metadata and keys are cached by openid-client in
 * the Configuration). A failed discovery is not cached, so the next sign-in tries again.
 */
export class SsoClient {
  private discovered: Promise<oidc.Configuration> | null = null;

  constructor(readonly config: SsoConfig) {}

  /** The provider's authorization URL with PKCE (S256), state and nonce, and what to keep. */
  async begin(returnTo: string): Promise<{ url: URL; pending: PendingSignIn }> {
    const configuration = await this.configuration();
    const pending: PendingSignIn = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo,
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.redirectUri.href,
      scope: this.config.scopes.join(' '),
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /**
   * Exchanges the code (sending the PKCE verifier) and lets openid-client validate the ID token:
   * signature, issuer, audience, expiry, nonce, and the state against the one sent. Claims the
   * ID token leaves out (many providers put email and groups only in userinfo) are read from
   * userinfo, whose subject must be the ID token's.
   */
  async finish(callbackUrl: URL, pending: PendingSignIn): Promise<SsoClaims> {
    const configuration = await this.configuration();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw failed('the provider answer was refused', error);
    }
    const idClaims = tokens.claims();
    if (!idClaims) throw failed('no ID token');
    const claims: SsoClaims = { ...idClaims };
    const wanted = [this.config.roleClaim, 'email', 'email_verified'];
    if (wanted.some((name) => claims[name] === undefined) && this.hasUserInfo(configuration)) {
      try {
        const info = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
        for (const [name, value] of Object.entries(info)) claims[name] ??= value;
      } catch (error) {
        throw failed('userinfo could not be read', error);
      }
    }
    return claims;
  }

  private hasUserInfo(configuration: oidc.Configuration): boolean {
    return configuration.serverMetadata().userinfo_endpoint !== undefined;
  }

  private configuration(): Promise<oidc.Configuration> {
    this.discovered ??= this.discover().catch((error: unknown) => {
      this.discovered = null;
      throw failed('the identity provider could not be reached', error);
    });
    return this.discovered;
  }

  private discover(): Promise<oidc.Configuration> {
    const { issuer, clientId, clientSecret } = this.config;
    // openid-client speaks only https; plain http is let through for a provider on this
    // machine (tests, development), never for a remote one.
    const execute = isLoopbackHttp(issuer) ? [oidc.allowInsecureRequests] : [];
    return oidc.discovery(issuer, clientId, undefined, oidc.ClientSecretBasic(clientSecret), {
      execute,
      timeout: 10,
    });
  }
}

/**
 * SSO_FAILED with a short reason. The underlying error's code (e.g. OAUTH_JWT_CLAIM_COMPARISON_FAILED)
 * is kept as the cause for the log; its message can quote token contents, so it is not shown.
 */
function failed(reason: string, cause?: unknown): CodecardError {
  const error = new CodecardError('SSO_FAILED', { reason });
  if (cause !== undefined) error.cause = cause;
  return error;
}
