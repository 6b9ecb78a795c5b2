import { MAX_CLAIMS } from '../claim-limits.ts';
import { openClaim } from './open-claim.ts';
import type { SegmentFields } from './segments.ts';
import { closeClaim, type X12Reading } from './x12-reading.ts';

/** CLM starts a claim (ending the one before); its id must be new in the file. */
export function readClaimStart(fields: SegmentFields, reading: X12Reading): void {
  const { segment, fail, element } = fields;
  if (reading.transactionStart === undefined) fail('CLM outside an ST/SE transaction');
  closeClaim(reading);
  const id = element(1);
  if (id === '') fail('CLM01 (the claim id) is empty');
  const first = reading.seenIds.get(id);
  if (first !== undefined) fail(`claim id "${id}" is already used at segment ${first}`);
  if (reading.claims.length >= MAX_CLAIMS) fail(`more than ${MAX_CLAIMS} claims in one file`);
  reading.seenIds.set(id, segment.position);
  reading.claim = openClaim(segment, id);
}
