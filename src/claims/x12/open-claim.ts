import { parseFailed, type CodecardError } from '../../errors/codecard-error.ts';
import type { ClaimLine } from '../claim-types.ts';
import { segmentLocation, type Segment } from './segments.ts';

/** A service line read so far; its date and provider may still follow in DTP and NM1. */
export interface OpenLine {
  segment: Segment;
  code: string;
  modifiers: string[];
  units: number;
  /** 837P SV107: 1-based pointers into the claim's diagnosis list. */
  pointers: number[];
  date: string | undefined;
  provider: string | null;
}

/** A claim read so far, from its CLM up to the segment that ends it. */
export interface OpenClaim {
  segment: Segment;
  id: string;
  diagnoses: string[];
  date: string | undefined;
  provider: string | null;
  lines: ClaimLine[];
  line: OpenLine | undefined;
  /** True once an LX is seen: DTP and NM1 after it belong to the line, not the claim. */
  inLines: boolean;
}

export function openClaim(segment: Segment, id: string): OpenClaim {
  return {
    segment,
    id,
    diagnoses: [],
    date: undefined,
    provider: null,
    lines: [],
    line: undefined,
    inLines: false,
  };
}

/**
 * A line is finished when the next line or claim starts: only then are its date, provider and
 * diagnosis pointers known, each falling back to the claim's.
 */
export function finishLine(claim: OpenClaim, line: OpenLine, source: string): ClaimLine {
  const fail = (problem: string): CodecardError =>
    parseFailed(source, problem, ` ${segmentLocation(line.segment)}`);
  const date = line.date ?? claim.date;
  if (date === undefined)
    throw fail(
      `claim "${claim.id}": the service line has no DTP*472 date and the claim has no service or statement date`,
    );
  let diagnoses = claim.diagnoses;
  if (line.pointers.length > 0) {
    diagnoses = line.pointers.map((pointer) => {
      const diagnosis = claim.diagnoses[pointer - 1];
      if (diagnosis === undefined)
        throw fail(
          `SV107 points to diagnosis ${pointer} but the claim has ${claim.diagnoses.length}`,
        );
      return diagnosis;
    });
  }
  return {
    code: line.code,
    modifiers: line.modifiers,
    units: line.units,
    dateOfService: date,
    diagnoses,
    provider: line.provider ?? claim.provider,
    source: segmentLocation(line.segment),
  };
}
