import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Seals a small value for a cookie with AES-256-GCM: the browser keeps it but can neither read
 * it (the PKCE verifier and nonce stay private) nor change it (any edit fails the tag). The key
 * is derived from the OIDC client secret, so every Codecard instance using the same provider
 * shares it without another setting, and it survives restarts; a sealed value also carries its
 * expiry, checked on opening.
 */
export class Sealer {
  private readonly key: Buffer;

  constructor(secret: string) {
    const derived = hkdfSync('sha256', secret, 'codecard', 'codecard sso state cookie v1', 32);
    this.key = Buffer.from(derived);
  }

  seal(value: unknown, expiresAt: Date): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const plain = JSON.stringify({ value, exp: expiresAt.getTime() });
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The sealed value, or null when it was tampered with, sealed by another key or expired. */
  open(sealed: string, now: Date): unknown {
    const bytes = Buffer.from(sealed, 'base64url');
    if (bytes.length < 29) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      const plain = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
      const parsed = JSON.parse(plain.toString('utf8')) as { value: unknown; exp: number };
      return parsed.exp > now.getTime() ? parsed.value : null;
    } catch {
      return null;
    }
  }
}
