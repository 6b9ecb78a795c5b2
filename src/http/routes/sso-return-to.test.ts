import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './sso-return-to.ts';

describe('safeReturnTo', () => {
  it('keeps a path on this site with its query and fragment', () => {
    expect(safeReturnTo('/cards?code=99213#ptp')).toBe('/cards?code=99213#ptp');
  });

  it('sends everything else home', () => {
    for (const raw of [
      undefined,
      '',
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'evil.example',
      '/\tevil',
      'javascript:alert(1)',
    ])
      expect(safeReturnTo(raw), String(raw)).toBe('/');
  });
});
