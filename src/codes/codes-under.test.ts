import { describe, expect, it } from 'vitest';
import { CodesUnder } from './codes-under.ts';

describe('CodesUnder', () => {
  it('lists the billable codes under a header in one release only', () => {
    const under = new CodesUnder();
    for (const code of ['M54.59', 'M54.50', 'M54.6', 'M54.51', 'M54.16', 'M55.0'])
      under.add(1, code);
    under.add(2, 'M54.5');
    expect(under.under(1, 'M54.5')).toEqual(['M54.50', 'M54.51', 'M54.59']);
    expect(under.under(1, 'M54')).toEqual(['M54.16', 'M54.50', 'M54.51', 'M54.59', 'M54.6']);
    expect(under.under(2, 'M54.5')).toEqual([]);
    expect(under.under(3, 'M54')).toEqual([]);
  });
});
