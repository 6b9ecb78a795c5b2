import type { Claim } from '../claim-types.ts';
import type { Variant } from './guide-variant.ts';
import { finishLine, type OpenClaim } from './open-claim.ts';
import type { Segment } from './segments.ts';

/** Everything the walk over an interchange's segments carries from one segment to the next. */
export interface X12Reading {
  readonly source: string;
  readonly segments: readonly Segment[];
  readonly claims: Claim[];
  /** Claim id -> the position of its CLM, to name the first use of a repeated id. */
  readonly seenIds: Map<string, number>;
  variant: Variant | undefined;
  inGroup: boolean;
  transactionStart: Segment | undefined;
  claim: OpenClaim | undefined;
  /** True after the IEA: nothing may follow it. */
  ended: boolean;
}

export function startReading(source: string, segments: readonly Segment[]): X12Reading {
  return {
    source,
    segments,
    claims: [],
    seenIds: new Map(),
    variant: undefined,
    inGroup: false,
    transactionStart: undefined,
    claim: undefined,
    ended: false,
  };
}

export function closeLine(reading: X12Reading): void {
  const claim = reading.claim;
  if (claim === undefined || claim.line === undefined) return;
  claim.lines.push(finishLine(claim, claim.line, reading.source));
  claim.line = undefined;
}

export function closeClaim(reading: X12Reading): void {
  const claim = reading.claim;
  if (claim === undefined) return;
  closeLine(reading);
  reading.claims.push({
    id: claim.id,
    setting: reading.variant?.setting ?? 'practitioner',
    lines: claim.lines,
  });
  reading.claim = undefined;
}
