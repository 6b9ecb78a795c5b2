import { isRealDate, type Fail } from '../claim-fields.ts';
import type { SegmentFields } from './segments.ts';
import type { X12Reading } from './x12-reading.ts';

/**
 * DTP*472 (service date) dates the open line, or the claim when no line has started; DTP*434
 * (statement dates, 837I) dates the claim. Other qualifiers and dates outside a claim are not
 * about a service.
 */
export function readServiceDate(fields: SegmentFields, reading: X12Reading): void {
  const { fail, element } = fields;
  const qualifier = element(1);
  if (qualifier !== '472' && qualifier !== '434') return;
  const claim = reading.claim;
  if (claim === undefined) return;
  const date = readDate(element(2), element(3), fail);
  if (claim.line !== undefined && qualifier === '472') claim.line.date = date;
  else if (!claim.inLines) claim.date = date;
}

/** D8 is CCYYMMDD; RD8 is a CCYYMMDD-CCYYMMDD range, whose start is the date used. */
function readDate(format: string, value: string, fail: Fail): string {
  const pattern =
    format === 'D8'
      ? /^(\d{4})(\d{2})(\d{2})$/
      : format === 'RD8'
        ? /^(\d{4})(\d{2})(\d{2})-(\d{4})(\d{2})(\d{2})$/
        : undefined;
  if (pattern === undefined) return fail(`date format ${JSON.stringify(format)} is not D8 or RD8`);
  const match = pattern.exec(value);
  const [year, month, day] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
  if (match === null || !isRealDate(year, month, day))
    return fail(`${JSON.stringify(value)} is not a real ${format} date`);
  if (format === 'RD8' && !isRealDate(Number(match[4]), Number(match[5]), Number(match[6]))) {
    return fail(`${JSON.stringify(value)} is not a real ${format} date range`);
  }
  return `${match[1]}-${match[2]}-${match[3]}`;
}
