import { describe, expect, test } from 'vitest';
import { safeNext, signInPath } from './sign-in-path.ts';

describe('the way back after signing in', () => {
  test('an in-app path is kept', () => {
    expect(safeNext('/library/3?x=1')).toBe('/library/3?x=1');
    expect(signInPath('/check', 'expired')).toBe('/sign-in?next=%2Fcheck&reason=expired');
    expect(signInPath('/')).toBe('/sign-in');
  });

  test('another site, a missing path and the sign-in or setup page go to the start page', () => {
    for (const next of [null, '', 'https://evil.example/', '//evil.example', '/\\evil.example'])
      expect(safeNext(next), String(next)).toBe('/');
    expect(safeNext('/sign-in?next=/x')).toBe('/');
    expect(safeNext('/setup#token=abc')).toBe('/');
    expect(signInPath('//evil.example')).toBe('/sign-in');
  });
});
