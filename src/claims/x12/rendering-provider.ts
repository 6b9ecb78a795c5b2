import { parseProvider } from '../claim-fields.ts';
import type { SegmentFields } from './segments.ts';
import type { X12Reading } from './x12-reading.ts';

/** NM1*82 names the rendering provider: of the open line, or of the claim before its first line. */
export function readRenderingProvider(fields: SegmentFields, reading: X12Reading): void {
  const { fail, element } = fields;
  const claim = reading.claim;
  if (element(1) !== '82' || claim === undefined) return;
  const provider = parseProvider(element(9), fail);
  if (claim.line !== undefined) claim.line.provider = provider;
  else if (!claim.inLines) claim.provider = provider;
}
