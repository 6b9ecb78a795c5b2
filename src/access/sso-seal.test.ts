import { describe, expect, it } from 'vitest';
import { Sealer } from './sso-seal.ts';

const now = new Date('2026-01-01T00:00:00Z');
const later = new Date('2026-01-01T00:10:00Z');

describe('Sealer', () => {
  it('opens what it sealed until it expires', () => {
    const sealer = new Sealer('client-secret');
    // Long enough that random ciphertext cannot contain it by chance ('s1' did, 1 run in ~40).
    const state = 'state-that-must-not-show-through-the-seal';
    const sealed = sealer.seal({ state }, later);
    expect(sealed).not.toContain(state);
    expect(Buffer.from(sealed, 'base64url').includes(state)).toBe(false);
    expect(sealer.open(sealed, now)).toEqual({ state });
    expect(sealer.open(sealed, later)).toBeNull();
  });

  it('refuses a changed value and another key', () => {
    const sealed = new Sealer('client-secret').seal({ state: 's1' }, later);
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(new Sealer('client-secret').open(bytes.toString('base64url'), now)).toBeNull();
    expect(new Sealer('other-secret').open(sealed, now)).toBeNull();
    expect(new Sealer('client-secret').open('short', now)).toBeNull();
  });
});
