import { parseFailed } from '../../errors/codecard-error.ts';
import { variantOf } from './guide-variant.ts';
import type { SegmentFields } from './segments.ts';
import { closeClaim, type X12Reading } from './x12-reading.ts';

/**
 * Checks that the envelope nests (one interchange, groups inside it, transactions inside a group)
 * and that each SE counts its transaction's segments, which is how a truncated file shows.
 */
export function readEnvelopeSegment(fields: SegmentFields, reading: X12Reading): void {
  const { segment, fail, element } = fields;
  switch (segment.id) {
    case 'ISA':
      if (segment.position !== 1) fail('a second ISA: only one interchange per file is read');
      break;
    case 'GS':
      if (reading.inGroup) fail('GS inside a functional group that has no GE');
      reading.inGroup = true;
      break;
    case 'ST':
      readTransactionStart(fields, reading);
      break;
    case 'SE': {
      if (reading.transactionStart === undefined) fail('SE without an ST');
      closeClaim(reading);
      const count = segment.position - (reading.transactionStart?.position ?? 0) + 1;
      if (element(1) !== String(count)) {
        fail(
          `SE01 says ${JSON.stringify(element(1))} segments but the transaction has ${count} (the file may be truncated)`,
        );
      }
      reading.transactionStart = undefined;
      break;
    }
    case 'GE':
      if (!reading.inGroup) fail('GE without a GS');
      if (reading.transactionStart !== undefined)
        fail('GE before the SE that ends the transaction');
      reading.inGroup = false;
      break;
    case 'IEA':
      if (reading.inGroup) fail('IEA before the GE that ends the functional group');
      reading.ended = true;
      break;
    default:
      break;
  }
}

/** ST opens an 837 transaction and names the guide, which decides 837P or 837I. */
function readTransactionStart(fields: SegmentFields, reading: X12Reading): void {
  const { segment, fail, element } = fields;
  if (!reading.inGroup) fail('ST outside a GS functional group');
  if (reading.transactionStart !== undefined) fail('ST inside a transaction that has no SE');
  if (element(1) !== '837')
    fail(`transaction set ${JSON.stringify(element(1))} is not an 837 claim`);
  // ST03 names the implementation guide; GS08 carries it in older writers.
  const stVersion = element(3);
  const gsVersion = reading.segments.find((s) => s.id === 'GS' && s.position < segment.position);
  const version = stVersion !== '' ? stVersion : (gsVersion?.elements[8] ?? '').trim();
  reading.variant = variantOf(version);
  if (reading.variant === undefined) {
    fail(`version ${JSON.stringify(version)} is not 005010X222A1 (837P) or 005010X223A2 (837I)`);
  }
  reading.transactionStart = segment;
}

/** A file that stops before its IEA was cut short, so its last claim may be incomplete. */
export function requireInterchangeEnd(reading: X12Reading): void {
  if (reading.ended) return;
  const last = reading.segments[reading.segments.length - 1];
  throw parseFailed(
    reading.source,
    'the file ends without an IEA segment (it may be truncated)',
    ` segment ${last?.position ?? 1} (${last?.id ?? 'ISA'})`,
  );
}
