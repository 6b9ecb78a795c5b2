import { describe, expect, it } from 'vitest';
import { addOnVerdict } from './add-on-verdict.ts';

describe('addOnVerdict', () => {
  const primaries = new Set(['10001', '10002']);

  it('is satisfied by any one primary billed on the date', () => {
    expect(addOnVerdict(primaries, ['99999', '10002'])).toEqual({
      kind: 'primary-present',
      primary: '10002',
    });
  });

  it('names every primary when none is billed (the add-on itself does not count)', () => {
    expect(addOnVerdict(primaries, ['20001', '99999'])).toEqual({
      kind: 'primary-missing',
      primaries: ['10001', '10002'],
    });
  });
});
