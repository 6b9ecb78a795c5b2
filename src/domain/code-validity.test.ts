import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeValidity, type HeldCodeRow } from './code-validity.ts';
import { dayOf, NEVER_AFTER } from './day.ts';
import { resolveOnDay } from './release-precedence.ts';
import { datasetOnDay, type DatasetRelease } from './release-staleness.ts';
import { rowPeriod, type DateRange } from './row-period.ts';

function releaseOf(
  rank: number,
  kind: string,
  label: string,
  from: string,
  to: string | null = null,
): DatasetRelease {
  return {
    kind,
    label,
    effectiveFrom: from,
    from: dayOf(from),
    until: to === null ? NEVER_AFTER : dayOf(to) + 1,
    partial: false,
    rank,
  };
}

function held(
  release: DatasetRelease,
  row: DateRange,
  billable: boolean | null,
  name = release.label ?? '',
): HeldCodeRow<string> {
  const to =
    release.until === NEVER_AFTER
      ? null
      : new Date((release.until - 1) * 86_400_000).toISOString().slice(0, 10);
  return {
    row: name,
    rank: release.rank,
    period: rowPeriod({ from: release.effectiveFrom, to }, row),
    billable,
    release,
  };
}

const judge = (
  rows: HeldCodeRow<string>[],
  releases: DatasetRelease[],
  dos: string,
  under?: string[],
) =>
  codeValidity({
    held: rows,
    dos,
    dataset: datasetOnDay(releases, dos),
    codesUnder: () => under ?? [],
  });

describe('codeValidity', () => {
  const fy2021 = releaseOf(0, 'icd10cm-order', 'FY2021', '2020-10-01');
  const fy2026 = releaseOf(1, 'icd10cm-order', 'FY2026', '2025-10-01');
  const open: DateRange = { from: null, to: null };

  it('M54.5: billable in FY2021, a header in FY2026 with the codes under it', () => {
    const rows = [held(fy2021, open, true), held(fy2026, open, false)];
    expect(judge(rows, [fy2021, fy2026], '2021-03-15')).toMatchObject({
      kind: 'valid',
      held: { row: 'FY2021' },
      stale: null,
    });
    expect(
      judge(rows, [fy2021, fy2026], '2026-03-15', ['M54.50', 'M54.51', 'M54.59']),
    ).toMatchObject({
      kind: 'not-billable',
      held: { row: 'FY2026' },
      replacements: ['M54.50', 'M54.51', 'M54.59'],
    });
  });

  it('no release for the date, a code not listed, and a code last seen in an ended release', () => {
    const ended = releaseOf(0, 'icd10cm-order', 'FY2021', '2020-10-01', '2025-09-30');
    const rows = [held(ended, open, true)];
    expect(judge(rows, [ended, fy2026], '2019-06-01').kind).toBe('no-release-for-date');
    expect(judge([], [fy2026], '2026-03-15')).toEqual({ kind: 'not-in-library', lastSeen: null });
    expect(judge(rows, [ended, fy2026], '2026-03-15')).toMatchObject({
      kind: 'not-in-library',
      lastSeen: { row: 'FY2021' },
    });
  });

  it('a code missing from a stale release cannot be judged; one found in it is valid but stale', () => {
    const hcpcs2020 = releaseOf(0, 'hcpcs', '2020', '2020-01-01');
    expect(judge([], [hcpcs2020], '2026-11-02')).toMatchObject({
      kind: 'stale-unknown',
      release: hcpcs2020,
    });
    const j1040 = held(hcpcs2020, { from: '1982-01-01', to: null }, null);
    expect(judge([j1040], [hcpcs2020], '2026-11-02')).toMatchObject({
      kind: 'valid',
      stale: hcpcs2020,
    });
    // Its own add date covers 2019, before the release: trusted, and nothing is stale then.
    expect(judge([j1040], [hcpcs2020], '2019-06-01')).toMatchObject({ kind: 'valid', stale: null });
  });

  it('JG: a newer release that terminates the code outranks the older open row', () => {
    const hcpcs2020 = releaseOf(0, 'hcpcs', '2020', '2020-01-01');
    const oct2026 = releaseOf(1, 'hcpcs', 'October 2026', '2026-10-01');
    const rows = [
      held(hcpcs2020, { from: '2018-01-01', to: null }, null),
      held(oct2026, { from: '2018-01-01', to: '2024-12-31' }, null),
    ];
    expect(judge(rows, [hcpcs2020, oct2026], '2026-11-02')).toMatchObject({
      kind: 'ended',
      held: { row: 'October 2026' },
    });
    expect(judge(rows, [hcpcs2020, oct2026], '2017-06-01')).toMatchObject({ kind: 'not-yet' });
  });

  it('agrees with release precedence, and never calls a header row valid', () => {
    const iso = fc.option(
      fc
        .date({ min: new Date('2015-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      { nil: null },
    );
    const releases = [fy2021, fy2026, releaseOf(2, 'icd10cm-order', 'FY2028', '2027-10-01')];
    const rowArb = fc.tuple(
      fc.constantFrom(...releases),
      iso,
      iso,
      fc.option(fc.boolean(), { nil: null }),
    );
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 4 }), iso, (specs, date) => {
        const dos = date ?? '2026-03-15';
        const rows = specs.map(([r, from, to, billable]) => held(r, { from, to }, billable));
        const verdict = judge(rows, releases, dos);
        const resolved = resolveOnDay(rows, dayOf(dos));
        switch (verdict.kind) {
          case 'valid':
          case 'not-billable':
            expect(resolved.kind).toBe('in-force');
            expect(verdict.held.billable === false).toBe(verdict.kind === 'not-billable');
            break;
          case 'ended':
            expect(resolved.kind).toBe(verdict.kind);
            break;
          case 'not-yet':
            // A release states a later start, or only later releases list the code.
            if (resolved.kind !== 'not-yet') {
              expect(resolved.kind).toBe('none');
              expect(verdict.held.period.from).toBeGreaterThan(dayOf(dos));
            }
            break;
          case 'not-in-library':
          case 'no-release-for-date':
          case 'stale-unknown':
            expect(resolved.kind).toBe('none');
        }
      }),
    );
  });
});
