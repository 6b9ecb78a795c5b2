import { ApiError } from '../../api/client.ts';

/**
 * What a failed `GET /api/ehr/case` means for the reader: the organization has no EHR
 * connection (403: the gating note), the EHR session has ended (an expired or missing case
 * token: open Codecard again from the chart), or another failure to show and retry.
 */
export type CaseFailure = 'gated' | 'ended' | 'other';

export function caseFailure(error: Error): CaseFailure {
  if (!(error instanceof ApiError)) return 'other';
  if (error.status === 403) return 'gated';
  if (error.status === 401 || error.status === 410 || /EXPIRED|ENDED/i.test(error.code))
    return 'ended';
  return 'other';
}
