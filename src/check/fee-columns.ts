import { csvCell } from '../domain/csv-cell.ts';
import { medicareFee } from '../fees/medicare-fee.service.ts';
import type { FeeResult } from '../contracts/fees.ts';
import type { LibraryContext } from '../library/library-context.ts';
import type { ClaimResult } from '../rules/claim-checker.ts';

/** The columns a CSV download gains with `fee-locality`: after each row's own columns. */
export const feeColumnNames = ['fee_locality', 'non_facility_fee', 'facility_fee'] as const;

/**
 * The Medicare fee columns of a CSV report row, for the codes of its finding in one locality on
 * one date: each code's non-facility and facility amounts, space-separated in the order of the
 * row's `codes` column ("238.37 77.56"). A code with no amount shows why: "NA" (the setting's
 * NA indicator), "not-priced:I" (its status), or "-" (no RVU row, file or locality). Each
 * code's fee is computed once per download.
 */
export function feeColumns(ctx: LibraryContext, locality: string, date: string) {
  const known = new Map<string, Promise<FeeResult>>();
  const feeOf = (code: string) => {
    let fee = known.get(code);
    if (fee === undefined) {
      fee = medicareFee(ctx, { code, locality, date, lang: 'en' });
      known.set(code, fee);
    }
    return fee;
  };
  return {
    head: () => feeColumnNames.join(','),
    /** One line of cells per CSV row of the result (its findings), in the report's order. */
    async rows(result: ClaimResult): Promise<string[]> {
      const rows: string[] = [];
      for (const finding of result.findings) {
        const fees = await Promise.all(finding.codes.map(feeOf));
        const place = fees.find((f) => f.locality !== null)?.locality;
        const label = place ? `${place.localityName} (${place.state} ${place.localityNumber})` : '';
        rows.push(
          [
            label,
            fees.map((f) => amount(f, 'nonFacility')).join(' '),
            fees.map((f) => amount(f, 'facility')).join(' '),
          ]
            .map(csvCell)
            .join(','),
        );
      }
      return rows;
    },
  };
}

function amount(fee: FeeResult, setting: 'nonFacility' | 'facility'): string {
  if (fee.outcome === 'not-priced') return `not-priced:${fee.status ?? ''}`;
  const own = fee[setting];
  if (own === null) return '-';
  return own.amount ?? 'NA';
}
