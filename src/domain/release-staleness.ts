import { dayOf } from './day.ts';
import { periodCovers } from './row-period.ts';

/** How often a dataset's publisher replaces its release. */
export type ReleaseCadence = 'calendar-quarter' | 'calendar-year' | 'fiscal-year';

/**
 * The cadence of a dataset kind: NCCI PTP and MUE every calendar quarter; ICD-10-CM every
 * federal fiscal year (October to September); the MPFS RVU file every calendar year; HCPCS
 * yearly for the annual (January) file and quarterly for an April, July or October file. Null
 * for datasets without a publication cycle (documents, coverage lists, an organization's tables).
 */
export function releaseCadence(
  kind: string,
  effectiveFrom: string | null,
  label: string | null = null,
): ReleaseCadence | null {
  switch (kind) {
    case 'ncci-ptp':
    case 'ncci-mue':
      return 'calendar-quarter';
    case 'icd10cm':
    case 'icd10cm-order':
    case 'icd10cm-tabular':
      return 'fiscal-year';
    case 'mpfs-rvu':
      return 'calendar-year';
    case 'hcpcs':
      return quarterlyLabel.test(label ?? '') ||
        (effectiveFrom !== null && effectiveFrom.slice(5, 7) !== '01')
        ? 'calendar-quarter'
        : 'calendar-year';
    default:
      return null;
  }
}

const quarterlyLabel = /\b(apr|april|jul|july|oct|october)\b/i;

/** The publication period a date falls in: "2026 Q4", "2026", "FY2027". */
export function cyclePeriod(cadence: ReleaseCadence, iso: string): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  switch (cadence) {
    case 'calendar-quarter':
      return `${year} Q${Math.floor((month - 1) / 3) + 1}`;
    case 'calendar-year':
      return String(year);
    case 'fiscal-year':
      return `FY${month >= 10 ? year + 1 : year}`;
  }
}

/** Period labels sort as their periods do ("2026 Q1" < "2026 Q4", "FY2021" < "FY2027"). */
const periodOrder = (period: string) => period.replace(/^FY/, '');

export type ReleaseStaleness =
  | { stale: false }
  | { stale: true; cadence: ReleaseCadence; releasePeriod: string; datePeriod: string };

/**
 * Whether a release is older than a date of service calls for: the date falls in a later
 * publication period than the release's effective date (HCPCS 2020 on 2026-11-02, ICD-10-CM
 * FY2021 on a FY2027 date). A release without an effective date or a cadence is never stale:
 * nothing says which release the date would call for.
 */
export function releaseStaleness(release: {
  kind: string;
  effectiveFrom: string | null;
  label: string | null;
  dos: string;
}): ReleaseStaleness {
  const { effectiveFrom } = release;
  const cadence = releaseCadence(release.kind, effectiveFrom, release.label);
  if (cadence === null || effectiveFrom === null) return { stale: false };
  const releasePeriod = cyclePeriod(cadence, effectiveFrom);
  const datePeriod = cyclePeriod(cadence, release.dos);
  return periodOrder(datePeriod) > periodOrder(releasePeriod)
    ? { stale: true, cadence, releasePeriod, datePeriod }
    : { stale: false };
}

/** One release (document version) of a dataset, with the days it is in force. */
export interface DatasetRelease {
  /** The import kind of the release ("hcpcs", "icd10cm-order", "ncci-ptp", ...). */
  kind: string;
  /** "2020", "October 2026", "FY2021". */
  label: string | null;
  effectiveFrom: string | null;
  /** Day numbers: `from` inclusive, `until` exclusive. */
  from: number;
  until: number;
  /** An excerpt or subset: what it lacks says nothing. */
  partial: boolean;
  /** Higher is newer. */
  rank: number;
}

/** What a dataset's releases say about one date of service, before any code is looked at. */
export interface DatasetOnDay {
  /** Some release of the dataset (complete or partial) is in force on the day. */
  inForce: boolean;
  /**
   * The release that would have to list a code: the newest complete release in force (else the
   * newest partial one), when it is older than the date calls for.
   */
  stale: DatasetRelease | null;
}

export function datasetOnDay(releases: readonly DatasetRelease[], dos: string): DatasetOnDay {
  const day = dayOf(dos);
  const inForce = releases
    .filter((r) => periodCovers(r, day))
    .sort((a, b) => Number(a.partial) - Number(b.partial) || b.rank - a.rank);
  const deciding = inForce[0];
  if (!deciding) return { inForce: false, stale: null };
  const staleness = releaseStaleness({ ...deciding, dos });
  return { inForce: true, stale: staleness.stale ? deciding : null };
}
