import type { FeeSetting } from '../contracts/fees.ts';
import type { RvuFeeRow } from './fee-rows.repository.ts';

/** The column labels the CMS PPRRVU file prints, for rows stored before the fee columns. */
const labels = {
  workRvu: 'WORK RVU',
  nonFacilityPeRvu: 'NON-FAC PE RVU',
  facilityPeRvu: 'FACILITY PE RVU',
  mpRvu: 'MP RVU',
  nonFacilityNa: 'NON-FAC NA INDICATOR',
  facilityNa: 'FACILITY NA INDICATOR',
  conversionFactor: 'CONV FACTOR',
} as const;

/**
 * A row's inputs for one setting: its own PE RVU and NA indicator. A value missing from the
 * fee columns (a row imported before they existed) is read from the row's kept columns.
 */
export function rvuFeeInputs(row: RvuFeeRow, setting: FeeSetting) {
  const kept = new Map(row.columns ?? []);
  const value = (own: string | null, label: string) => own ?? (kept.get(label) || null);
  const facility = setting === 'facility';
  const na = facility
    ? value(row.facility_na, labels.facilityNa)
    : value(row.non_facility_na, labels.nonFacilityNa);
  return {
    workRvu: value(row.work_rvu, labels.workRvu),
    peRvu: facility
      ? value(row.facility_pe_rvu, labels.facilityPeRvu)
      : value(row.non_facility_pe_rvu, labels.nonFacilityPeRvu),
    mpRvu: value(row.mp_rvu, labels.mpRvu),
    conversionFactor: value(row.conversion_factor, labels.conversionFactor),
    // The file prints "NA" where the service has no fee in the setting, and leaves it blank else.
    notApplicable: (na ?? '').trim() !== '',
  };
}
