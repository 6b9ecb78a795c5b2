import { createHash, randomBytes } from 'node:crypto';

/**
 * Session ids, API keys and invite tokens: 256 random bits, shown to their holder once and
 * stored only as a SHA-256 hash (a stolen database reveals no usable secret). A readable
 * prefix says what a leaked secret is, as GitHub's and Stripe's keys do.
 */
export function newSecret(kind: 'session' | 'key' | 'invite'): string {
  return `cc${kind[0]}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function newId(): string {
  return randomBytes(12).toString('base64url');
}
