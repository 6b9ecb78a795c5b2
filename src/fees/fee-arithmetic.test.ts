import { describe, expect, it } from 'vitest';
import { computeFee, type FeeInputs } from './fee-arithmetic.ts';
import { formatDecimal, parseDecimal, roundHalfUp } from './exact-decimal.ts';

const inputs: FeeInputs = {
  workRvu: '1.90',
  peRvu: '4.17',
  mpRvu: '0.17',
  workGpci: '1.064',
  peGpci: '1.162',
  mpGpci: '1.586',
  conversionFactor: '33.4009',
};

describe('exact decimals', () => {
  it('keeps the published digits and refuses what is not a plain decimal', () => {
    expect(parseDecimal('33.4009')).toEqual({ units: 334009n, scale: 4 });
    expect(parseDecimal(' 0.00 ')).toEqual({ units: 0n, scale: 2 });
    for (const bad of ['NA', '', null, '-1.0', '1e3', '1.2.3'])
      expect(parseDecimal(bad)).toBeNull();
  });

  it('rounds half up at the cent, from the exact value', () => {
    const round = (text: string) => formatDecimal(roundHalfUp(parseDecimal(text)!, 2));
    expect(round('1.005')).toBe('1.01');
    expect(round('1.00499999')).toBe('1.00');
    expect(round('0.995')).toBe('1.00');
    expect(round('7')).toBe('7.00');
    expect(round('12.3')).toBe('12.30');
    // A float would give 1.00 here: 1.005 is 1.00499999999999989... in binary.
    expect(Math.round(1.005 * 100) / 100).toBe(1);
  });
});

describe('computeFee', () => {
  it('(work RVU × work GPCI + PE RVU × PE GPCI + MP RVU × MP GPCI) × CF, every step kept', () => {
    expect(computeFee(inputs)).toEqual({
      workRvu: '1.90',
      peRvu: '4.17',
      mpRvu: '0.17',
      workGpci: '1.064',
      peGpci: '1.162',
      mpGpci: '1.586',
      conversionFactor: '33.4009',
      workProduct: '2.02160',
      peProduct: '4.84554',
      mpProduct: '0.26962',
      adjustedRvus: '7.13676',
      // 7.13676 × 33.4009 = 238.374207084 → 238.37
      exact: '238.374207084',
      amount: '238.37',
    });
  });

  it('is null when a number is missing or not a decimal (never a $0.00)', () => {
    expect(computeFee({ ...inputs, peRvu: 'NA' })).toBeNull();
    expect(computeFee({ ...inputs, conversionFactor: null })).toBeNull();
    expect(computeFee({ ...inputs, mpGpci: '' })).toBeNull();
  });

  it('rounds the half cent up', () => {
    // (1 × 1 + 0 + 0) × 0.005 = 0.005 → 0.01
    const half = computeFee({
      workRvu: '1',
      peRvu: '0',
      mpRvu: '0',
      workGpci: '1',
      peGpci: '1',
      mpGpci: '1',
      conversionFactor: '0.005',
    });
    expect(half?.exact).toBe('0.005');
    expect(half?.amount).toBe('0.01');
  });
});
