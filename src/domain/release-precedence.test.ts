import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOf } from './day.ts';
import { resolveOnDay, type HeldRow } from './release-precedence.ts';
import { periodCovers, rowPeriod, type DateRange } from './row-period.ts';

const held = (rank: number, release: DateRange, row: DateRange): HeldRow<string> => ({
  row: `r${rank}`,
  rank,
  period: rowPeriod(release, row),
});

describe('resolveOnDay', () => {
  it('trusts a row period before its release takes effect (0001A/36591 in v32.2 on 2023-05-01)', () => {
    const v322 = held(
      1,
      { from: '2026-07-01', to: null },
      { from: '2022-01-01', to: '2023-12-31' },
    );
    expect(resolveOnDay([v322], dayOf('2023-05-01')).kind).toBe('in-force');
    expect(resolveOnDay([v322], dayOf('2024-01-01')).kind).toBe('ended');
    expect(resolveOnDay([v322], dayOf('2021-12-31')).kind).toBe('not-yet');
  });

  it('lets a newer release that terminates a code outrank an older open row (JG)', () => {
    const hcpcs2020 = held(1, { from: '2020-01-01', to: null }, { from: '2018-01-01', to: null });
    const oct2026 = held(
      2,
      { from: '2026-10-01', to: null },
      { from: '2018-01-01', to: '2024-12-31' },
    );
    expect(resolveOnDay([hcpcs2020, oct2026], dayOf('2026-11-02'))).toMatchObject({
      kind: 'ended',
      held: { row: 'r2' },
    });
    expect(resolveOnDay([hcpcs2020, oct2026], dayOf('2019-06-01'))).toMatchObject({
      kind: 'in-force',
      held: { row: 'r2' },
    });
  });

  it('defers to an older release where the newer one has no dates of its own (M54.5)', () => {
    const fy2021 = held(1, { from: '2020-10-01', to: null }, { from: null, to: null });
    const fy2026 = held(2, { from: '2025-10-01', to: null }, { from: null, to: null });
    expect(resolveOnDay([fy2021, fy2026], dayOf('2021-03-15'))).toMatchObject({
      held: { row: 'r1' },
    });
    expect(resolveOnDay([fy2021, fy2026], dayOf('2026-03-15'))).toMatchObject({
      held: { row: 'r2' },
    });
    expect(resolveOnDay([fy2026], dayOf('2019-06-01')).kind).toBe('none');
  });

  it('every period has start <= end, whatever the dates', () => {
    const iso = fc
      .option(
        fc.date({ min: new Date('1980-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }),
      )
      .map((d) => (d ? d.toISOString().slice(0, 10) : null));
    fc.assert(
      fc.property(iso, iso, iso, iso, (a, b, c, d) => {
        const period = rowPeriod({ from: a, to: b }, { from: c, to: d });
        expect(period.from).toBeLessThanOrEqual(period.until);
        if (period.from === period.until) expect(periodCovers(period, period.from)).toBe(false);
      }),
    );
  });
});
