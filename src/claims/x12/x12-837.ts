import { parseFailed } from '../../errors/codecard-error.ts';
import type { Claim } from '../claim-types.ts';
import { readClaimStart } from './claim-start.ts';
import { readDiagnoses } from './diagnoses.ts';
import { readEnvelopeSegment, requireInterchangeEnd } from './envelope.ts';
import { readDelimiters } from './isa-delimiters.ts';
import { readRenderingProvider } from './rendering-provider.ts';
import { fieldsOf, splitSegments, type SegmentFields } from './segments.ts';
import { readServiceDate } from './service-dates.ts';
import { readLineNumber, readServiceLine } from './service-line.ts';
import { closeClaim, startReading, type X12Reading } from './x12-reading.ts';

/**
 * Reads the claims of an 837P or 837I (005010) file. It walks the segments in order, keeping
 * only what a claim check needs: claim id, diagnoses, service lines, dates and the rendering
 * provider. Envelope errors, out-of-place segments and bad values fail with the segment's
 * position and id, because a partly read claim file would give wrong findings.
 */
export function parseX12Claims(text: string, source: string): Claim[] {
  const trimmed = text.replace(/^\s+/, '');
  const delimiters = readDelimiters(trimmed, source);
  const segments = splitSegments(trimmed, delimiters, source);
  const reading = startReading(source, segments);
  for (const segment of segments) {
    const fields = fieldsOf(segment, delimiters, source);
    if (reading.ended) fields.fail('segment after the IEA that ends the interchange');
    readSegment(fields, reading);
  }
  requireInterchangeEnd(reading);
  if (reading.claims.length === 0) throw parseFailed(source, 'the 837 contains no CLM claims');
  return reading.claims;
}

/** Hands a segment to its reader; segments a claim check does not need are passed over. */
function readSegment(fields: SegmentFields, reading: X12Reading): void {
  switch (fields.segment.id) {
    case 'ISA':
    case 'GS':
    case 'ST':
    case 'SE':
    case 'GE':
    case 'IEA':
      return readEnvelopeSegment(fields, reading);
    case 'HL':
      // A new billing/subscriber/patient level ends the claim before it.
      return closeClaim(reading);
    case 'CLM':
      return readClaimStart(fields, reading);
    case 'HI':
      return readDiagnoses(fields, reading);
    case 'LX':
      return readLineNumber(fields, reading);
    case 'SV1':
    case 'SV2':
      return readServiceLine(fields, reading);
    case 'DTP':
      return readServiceDate(fields, reading);
    case 'NM1':
      return readRenderingProvider(fields, reading);
    default:
      return;
  }
}
