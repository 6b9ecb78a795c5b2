import { describe, expect, test } from 'vitest';
import { StreamedClaimIds } from './streamed-claim-ids.ts';

describe('StreamedClaimIds', () => {
  test('keeps every id through growth and names the first line of a duplicate', () => {
    const ids = new StreamedClaimIds('s');
    for (let i = 1; i <= 50_000; i++) ids.add(`claim-${i}`, i);
    expect(() => ids.add('claim-1', 50_001)).toThrow(
      's: line 50001: claim id "claim-1" is already used at line 1',
    );
    expect(() => ids.add('claim-49999', 50_002)).toThrow('already used at line 49999');
    expect(() => ids.add('claim-50001', 50_003)).not.toThrow();
  });
});
