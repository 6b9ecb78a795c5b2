import { describe, expect, test } from 'vitest';
import {
  claimPayload,
  emptyClaim,
  emptyLine,
  fieldId,
  lineLabels,
  validateClaim,
  type ClaimDraft,
} from './claim-form.ts';

const draft = (patch: Partial<ClaimDraft> = {}): ClaimDraft => ({
  ...emptyClaim(),
  id: ' C-9 ',
  dateOfService: '2026-03-02',
  diagnoses: 'm54.16, M51.26',
  lines: [
    { ...emptyLine(), code: ' 62264 ', modifiers: '-59, xs' },
    { ...emptyLine(), code: '77003', units: '2', diagnoses: 'M54.17', dateOfService: '2026-03-03' },
  ],
  ...patch,
});

describe('the typed claim', () => {
  test('becomes the JSON claim format: lists split, upper case, line defaults left out', () => {
    expect(claimPayload(draft())).toEqual({
      claims: [
        {
          id: 'C-9',
          setting: 'practitioner',
          dateOfService: '2026-03-02',
          diagnoses: ['M54.16', 'M51.26'],
          lines: [
            { code: '62264', modifiers: ['59', 'XS'], units: 1 },
            {
              code: '77003',
              modifiers: [],
              units: 2,
              dateOfService: '2026-03-03',
              diagnoses: ['M54.17'],
            },
          ],
        },
      ],
    });
  });

  test('labels each line by its code and modifiers', () => {
    expect(lineLabels(claimPayload(draft()))).toEqual({ 'C-9': ['62264 59 XS', '77003'] });
  });

  test('a valid claim has no problems', () => {
    expect(validateClaim(draft()).size).toBe(0);
  });

  test('names every field that needs correcting, in form order', () => {
    const bad = draft({
      id: ' ',
      dateOfService: '',
      diagnoses: 'M54.16 banana',
      lines: [{ ...emptyLine(), key: 7, code: '', modifiers: '5', units: '0', diagnoses: '12' }],
    });
    const problems = validateClaim(bad);
    expect([...problems.keys()]).toEqual([
      fieldId.claimId,
      fieldId.claimDate,
      fieldId.claimDiagnoses,
      'line-7-code',
      'line-7-modifiers',
      'line-7-units',
      'line-7-diagnoses',
    ]);
    expect(problems.get(fieldId.claimDiagnoses)).toEqual({
      key: 'check.invalid.diagnosis',
      values: { value: 'banana' },
    });
    expect(problems.get('line-7-code')?.key).toBe('check.invalid.codeMissing');
  });
});
