import { parseModifier, parseProcedureCode, parseUnits } from '../claim-fields.ts';
import { MAX_LINES_PER_CLAIM } from '../claim-limits.ts';
import type { SegmentFields } from './segments.ts';
import { closeLine, type X12Reading } from './x12-reading.ts';

/** LX numbers a service line; from here on, dates and providers belong to lines. */
export function readLineNumber(fields: SegmentFields, reading: X12Reading): void {
  const { fail, element } = fields;
  if (reading.claim === undefined) fail('LX before CLM');
  if (!/^\d+$/.test(element(1)))
    fail(`LX01 must be a line number, got ${JSON.stringify(element(1))}`);
  closeLine(reading);
  if (reading.claim !== undefined) reading.claim.inLines = true;
}

/**
 * SV1 (837P) or SV2 (837I) opens a service line: procedure code and modifiers, units and, in an
 * 837P, pointers to the claim's diagnoses.
 */
export function readServiceLine(fields: SegmentFields, reading: X12Reading): void {
  const { segment, fail, element, components } = fields;
  const claim = reading.claim;
  if (claim === undefined) return fail(`${segment.id} before CLM`);
  const expected = reading.variant?.kind === 'I' ? 'SV2' : 'SV1';
  if (segment.id !== expected)
    fail(`${segment.id} in an 837${reading.variant?.kind ?? ''} (expected ${expected})`);
  closeLine(reading);
  if (claim.lines.length >= MAX_LINES_PER_CLAIM)
    fail(`claim "${claim.id}" has more than ${MAX_LINES_PER_CLAIM} lines`);
  const procedure = components(segment.id === 'SV1' ? 1 : 2);
  const [qualifier = '', rawCode = '', ...rawModifiers] = procedure;
  if (segment.id === 'SV2' && qualifier !== 'HC') {
    // Revenue-code-only (and HIPPS) institutional lines carry no CPT/HCPCS code to check.
    claim.inLines = true;
    return;
  }
  if (qualifier !== 'HC')
    fail(`SV101 qualifier ${JSON.stringify(qualifier)} is not HC (CPT/HCPCS)`);
  const units = element(segment.id === 'SV1' ? 4 : 5);
  const pointers = diagnosisPointers(fields);
  claim.line = {
    segment,
    code: parseProcedureCode(rawCode, fail),
    modifiers: rawModifiers.filter((m) => m.trim() !== '').map((m) => parseModifier(m, fail)),
    units: parseUnits(units === '' ? undefined : units, fail),
    pointers,
    date: undefined,
    provider: null,
  };
  claim.inLines = true;
}

/** SV107: the 1-based diagnosis pointers of an 837P line (none means all the claim's diagnoses). */
function diagnosisPointers({ segment, fail, element, components }: SegmentFields): number[] {
  if (segment.id !== 'SV1' || element(7) === '') return [];
  return components(7).map((pointer) => {
    if (!/^\d+$/.test(pointer))
      fail(`SV107 diagnosis pointer ${JSON.stringify(pointer)} is not a number`);
    return Number(pointer);
  });
}
