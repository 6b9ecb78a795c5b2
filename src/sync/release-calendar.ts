/**
 * When publishers put out new releases, as months whose first day a release takes effect: NCCI
 * PTP and MUE quarterly (January, April, July, October); HCPCS quarterly; ICD-10-CM each
 * October with an April update; the MPFS RVU file each January with quarterly corrections
 * (RVUxxA–D); the GPCI file each January. Null: no calendar (documents, local tables).
 */
export function releaseMonths(kind: string): readonly number[] | null {
  switch (kind) {
    case 'ncci-ptp':
    case 'ncci-mue':
    case 'hcpcs':
    case 'mpfs-rvu':
      return [1, 4, 7, 10];
    case 'icd10cm-order':
    case 'icd10cm-tabular':
      return [4, 10];
    case 'gpci':
      return [1];
    default:
      return null;
  }
}

export interface ExpectedRelease {
  /** Effective date of the next release after the newest held one. */
  nextExpected: string;
  /** That date has come and the release is not held. */
  overdue: boolean;
}

/**
 * The next release the calendar promises after the newest one held (after the latest scheduled
 * date on or before `today` when none is held: the release in force now is the one missing).
 */
export function expectedRelease(
  kind: string,
  newestHeldEffective: string | null,
  today: string,
): ExpectedRelease | null {
  const months = releaseMonths(kind);
  if (!months) return null;
  const nextExpected =
    newestHeldEffective === null
      ? latestOnOrBefore(months, today)
      : firstAfter(months, newestHeldEffective);
  return { nextExpected, overdue: nextExpected <= today };
}

function releaseDay(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

function firstAfter(months: readonly number[], iso: string): string {
  const year = Number(iso.slice(0, 4));
  for (const y of [year, year + 1]) {
    for (const month of months) {
      const day = releaseDay(y, month);
      if (day > iso) return day;
    }
  }
  throw new Error('unreachable: a calendar has a release every year');
}

function latestOnOrBefore(months: readonly number[], iso: string): string {
  const year = Number(iso.slice(0, 4));
  for (const y of [year, year - 1]) {
    for (const month of [...months].reverse()) {
      const day = releaseDay(y, month);
      if (day <= iso) return day;
    }
  }
  throw new Error('unreachable: a calendar has a release every year');
}
