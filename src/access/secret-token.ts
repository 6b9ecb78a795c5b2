import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

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

/** Compares two hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export function newId(): string {
  return randomBytes(12).toString('base64url');
}
