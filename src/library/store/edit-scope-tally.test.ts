import { describe, expect, test } from 'vitest';
import type { PtpFact } from '../formats/fact-record.ts';
import { EditScopeTally, SLICE_ROWS } from './edit-scope-tally.ts';

const ptp = (column1: string, effectiveFrom: string | null = null): PtpFact => ({
  kind: 'ptp',
  column1,
  column2: '99999',
  prior1996: false,
  effectiveFrom,
  deletionDate: null,
  modifierIndicator: 1,
  rationale: null,
  locator: 'line 1',
});

describe('the scope of an NCCI release, tallied while it is written', () => {
  test('first and last code in code-unit order, the earliest stated start, the codes', () => {
    const tally = new EditScopeTally();
    for (const [code, start] of [
      ['64483', '20240101'],
      ['0213T', null],
      ['G0260', '20190701'],
    ] as const)
      tally.add(
        ptp(
          code,
          start === null ? null : `${start.slice(0, 4)}-${start.slice(4, 6)}-${start.slice(6)}`,
        ),
      );
    expect(tally.firstCode).toBe('0213T');
    expect(tally.lastCode).toBe('G0260');
    expect(tally.earliestRowStart).toBe('2019-07-01');
    expect([...tally.codes].sort()).toEqual(['0213T', '64483', 'G0260']);
  });

  test('slice bounds fall where the rows before a code pass a multiple of the slice size', () => {
    const tally = new EditScopeTally();
    const third = Math.ceil((SLICE_ROWS * 3) / 4);
    for (const code of ['10003', '10001', '10002', '10004'])
      for (let i = 0; i < third; i++) tally.add(ptp(code));
    // Rows before each code: 0, 3/4, 6/4, 9/4 of a slice -> slices 0, 0, 1, 2.
    expect(tally.sliceBounds()).toEqual(['10003', '10004']);
  });

  test('a small release needs no bounds', () => {
    const tally = new EditScopeTally();
    tally.add(ptp('10001'));
    expect(tally.sliceBounds()).toEqual([]);
  });
});
