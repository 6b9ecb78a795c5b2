import type { FastifyRequest } from 'fastify';
import { describe, expect, test } from 'vitest';
import { callerKey } from './rate-limit-key.ts';

const request = (ip: string, principal?: { userId: string; apiKeyId: string | null } | null) =>
  ({ ip, principal }) as unknown as FastifyRequest;

describe('the rate-limit key', () => {
  test('an API key, else the signed-in user, else the address', () => {
    expect(callerKey(request('10.0.0.1', { userId: 'u1', apiKeyId: 'k1' }))).toBe('key:k1');
    expect(callerKey(request('10.0.0.1', { userId: 'u1', apiKeyId: null }))).toBe('user:u1');
    expect(callerKey(request('10.0.0.1', null))).toBe('ip:10.0.0.1');
    expect(callerKey(request('10.0.0.1'))).toBe('ip:10.0.0.1');
  });

  test('addresses are normalized: IPv4-mapped IPv6 as IPv4, IPv6 by its /64', () => {
    expect(callerKey(request('::ffff:10.0.0.1'))).toBe('ip:10.0.0.1');
    expect(callerKey(request('2001:db8:1:2::a'))).toBe(callerKey(request('2001:db8:1:2::b')));
    expect(callerKey(request('2001:db8:1:2::a'))).not.toBe(callerKey(request('2001:db8:1:3::a')));
  });
});
