import type {
  FeeLocality,
  FeeOutcome,
  FeeResult,
  FeeSetting,
  SettingFee,
} from '../contracts/fees.ts';
import type { LocaleCode } from '../domain/locale.ts';
import { rowCitation } from '../library/citations.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { computeFee } from './fee-arithmetic.ts';
import {
  datasetPresence,
  gpciLocalitiesInForce,
  rvuRowInForce,
  type GpciFeeRow,
  type RvuFeeRow,
} from './fee-rows.repository.ts';
import { feeText } from './fee-text.ts';
import { matchLocality } from './locality-match.ts';
import { rvuFeeInputs } from './rvu-fee-inputs.ts';

export interface FeeRequest {
  code: string;
  /** The RVU file's modifier row (26, TC, 53); null: the code's row without a modifier. */
  modifier?: string | null;
  date: string;
  /** The locality in the user's words, or a whole question naming it (`mode: 'question'`). */
  locality: string;
  mode?: 'argument' | 'question';
  lang: LocaleCode;
}

/**
 * Status codes the fee schedule prices by its formula (RVUs × GPCIs × conversion factor): A
 * (active), R (restricted coverage), T (paid when no other service that day). Every other status
 * (I not valid for Medicare, J anesthesia, C carrier priced, B bundled, E excluded, N non-covered,
 * X statutory exclusion, …) has no formula amount: the answer says so and never shows $0.00.
 */
const pricedStatuses = new Set(['A', 'R', 'T']);

/**
 * The Medicare physician fee for a code in a locality on a date of service: the RVU row and the
 * GPCI row of the versions in force, the formula per setting with every number used, both rows
 * cited. What the library lacks (the RVU file, the code's row, the GPCI file, the locality) is
 * said instead of a number.
 */
export async function medicareFee(ctx: LibraryContext, request: FeeRequest): Promise<FeeResult> {
  const code = request.code.trim().toUpperCase();
  const modifier = request.modifier?.trim().toUpperCase() || null;
  const base: FeeResult = {
    code,
    modifier,
    date: request.date,
    outcome: 'priced',
    status: null,
    locality: null,
    candidates: [],
    nonFacility: null,
    facility: null,
    citations: { rvu: null, gpci: null },
    text: '',
  };
  const done = (result: FeeResult): FeeResult => ({ ...result, text: feeText(result, request) });
  const missing = (outcome: FeeOutcome, extra: Partial<FeeResult> = {}) =>
    done({ ...base, outcome, ...extra });

  const rvuPresence = await datasetPresence(ctx.db, ctx.orgId, 'mpfs-rvu', request.date);
  if (!rvuPresence.inForce) return missing('no-rvu-table');
  const rvu = await rvuRowInForce(ctx.db, ctx.orgId, request.date, code, modifier);
  if (rvu === null) return missing('no-rvu-row');
  const withRvu = { status: rvu.status_code, citations: { rvu: rowCitation(rvu), gpci: null } };
  if (!pricedStatuses.has((rvu.status_code ?? '').trim().toUpperCase())) {
    return missing('not-priced', withRvu);
  }

  const localities = await gpciLocalitiesInForce(ctx.db, ctx.orgId, request.date);
  if (localities.length === 0) return missing('no-gpci-table', withRvu);
  const match = matchLocality(request.locality, localities, request.mode ?? 'argument');
  if (match.kind === 'unknown') {
    return missing('locality-unknown', { ...withRvu, candidates: localities.map(localityOf) });
  }
  if (match.kind === 'ambiguous') {
    return missing('locality-ambiguous', {
      ...withRvu,
      candidates: match.candidates.map(localityOf),
    });
  }
  const gpci = match.row;
  const located = {
    ...withRvu,
    locality: localityOf(gpci),
    citations: { rvu: rowCitation(rvu), gpci: rowCitation(gpci) },
  };
  const nonFacility = settingFee(rvu, gpci, 'non-facility');
  const facility = settingFee(rvu, gpci, 'facility');
  if (nonFacility === null || facility === null) return missing('incomplete-row', located);
  return done({ ...base, ...located, outcome: 'priced', nonFacility, facility });
}

/** One setting's fee; an NA indicator means no fee there. Null: the row lacks a number. */
function settingFee(rvu: RvuFeeRow, gpci: GpciFeeRow, setting: FeeSetting): SettingFee | null {
  const inputs = rvuFeeInputs(rvu, setting);
  if (inputs.notApplicable) return { setting, amount: null, naIndicator: true, arithmetic: null };
  const arithmetic = computeFee({
    ...inputs,
    workGpci: gpci.work_gpci,
    peGpci: gpci.pe_gpci,
    mpGpci: gpci.mp_gpci,
  });
  if (arithmetic === null) return null;
  return { setting, amount: arithmetic.amount, naIndicator: false, arithmetic };
}

function localityOf(row: GpciFeeRow): FeeLocality {
  return {
    mac: row.mac,
    state: row.state,
    localityNumber: row.localityNumber,
    localityName: row.localityName,
  };
}
