import { parseDiagnosis } from '../claim-fields.ts';
import type { SegmentFields } from './segments.ts';
import type { X12Reading } from './x12-reading.ts';

/** ICD-10-CM qualifiers: principal (ABK), other (ABF), admitting (ABJ), reason for visit (APR), external cause (ABN). */
const diagnosisQualifiers = new Set(['ABK', 'ABF', 'ABJ', 'APR', 'ABN']);
/** ICD-9 diagnosis qualifiers: refused rather than dropped, since the codes cannot be checked. */
const icd9Qualifiers = new Set(['BK', 'BF', 'BJ', 'PR', 'BN']);

/** HI adds the claim's diagnoses; procedure, occurrence, value and condition codes are skipped. */
export function readDiagnoses(fields: SegmentFields, reading: X12Reading): void {
  const { segment, fail, components } = fields;
  const claim = reading.claim;
  if (claim === undefined) return fail('HI before CLM');
  for (let n = 1; n < segment.elements.length; n++) {
    const [qualifier = '', code = ''] = components(n);
    if (icd9Qualifiers.has(qualifier))
      fail(
        `HI${String(n).padStart(2, '0')} is an ICD-9 diagnosis (${qualifier}); only ICD-10-CM is supported`,
      );
    if (!diagnosisQualifiers.has(qualifier)) continue;
    const diagnosis = parseDiagnosis(code, fail);
    // The principal diagnosis leads the list whatever segment it came in.
    if (qualifier === 'ABK') claim.diagnoses.unshift(diagnosis);
    else claim.diagnoses.push(diagnosis);
  }
}
