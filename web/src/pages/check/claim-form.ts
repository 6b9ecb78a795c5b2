import type { Setting } from '../../../../src/domain/setting.ts';
import type { FieldProblems } from '../../components/form-problems.ts';
export type { FieldProblem, FieldProblems } from '../../components/form-problems.ts';

/** One service line as typed: every field is text until the claim is built. */
export interface LineDraft {
  /** Stable across adds and removes (React key and element ids). */
  key: number;
  code: string;
  /** "59, XS" or "59 XS". */
  modifiers: string;
  units: string;
  /** Empty: the line uses the claim's diagnoses. */
  diagnoses: string;
  /** Empty: the line uses the claim's date of service. */
  dateOfService: string;
}

export interface ClaimDraft {
  id: string;
  setting: Setting;
  dateOfService: string;
  diagnoses: string;
  lines: LineDraft[];
}

export const MAX_UNITS = 9_999;

let nextKey = 1;
export function emptyLine(): LineDraft {
  return {
    key: nextKey++,
    code: '',
    modifiers: '',
    units: '1',
    diagnoses: '',
    dateOfService: '',
  };
}

export function emptyClaim(): ClaimDraft {
  return {
    id: 'CLAIM-1',
    setting: 'practitioner',
    dateOfService: '',
    diagnoses: '',
    lines: [emptyLine()],
  };
}

/** Sample content: two lines with an NCCI PTP edit between them in the starter library. */
export function exampleClaim(): ClaimDraft {
  return {
    id: 'SAMPLE-1',
    setting: 'practitioner',
    dateOfService: '2026-03-02',
    diagnoses: 'M54.16',
    lines: [
      { ...emptyLine(), code: '62264' },
      { ...emptyLine(), code: '77003' },
    ],
  };
}

export const fieldId = {
  claimId: 'claim-id',
  claimDate: 'claim-date',
  claimSetting: 'claim-setting',
  claimDiagnoses: 'claim-diagnoses',
  line: (key: number, field: 'code' | 'modifiers' | 'units' | 'diagnoses' | 'date') =>
    `line-${key}-${field}`,
};

/** Splits a typed list the way the server's CSV reader does: "25,59", "25; 59", "25 59". */
export function splitList(text: string): string[] {
  return text.split(/[,;|\s]+/).filter((part) => part !== '');
}

const codePattern = /^[A-Z0-9]{1,10}$/;
const modifierPattern = /^-?[A-Z0-9]{2}$/;
const diagnosisPattern = /^[A-Z]\d[0-9A-Z](\.?[0-9A-Z]{1,4})?$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** The same field rules as the server's claim parser, checked before sending. */
export function validateClaim(draft: ClaimDraft): FieldProblems {
  const problems: FieldProblems = new Map();
  if (draft.id.trim() === '') problems.set(fieldId.claimId, { key: 'check.invalid.claimId' });
  if (!datePattern.test(draft.dateOfService))
    problems.set(fieldId.claimDate, { key: 'check.invalid.date' });
  const badDiagnosis = splitList(draft.diagnoses).find(
    (d) => !diagnosisPattern.test(d.toUpperCase()),
  );
  if (badDiagnosis !== undefined)
    problems.set(fieldId.claimDiagnoses, {
      key: 'check.invalid.diagnosis',
      values: { value: badDiagnosis },
    });
  for (const line of draft.lines) {
    if (!codePattern.test(line.code.trim().toUpperCase()))
      problems.set(fieldId.line(line.key, 'code'), {
        key: line.code.trim() === '' ? 'check.invalid.codeMissing' : 'check.invalid.code',
      });
    const badModifier = splitList(line.modifiers).find(
      (m) => !modifierPattern.test(m.toUpperCase()),
    );
    if (badModifier !== undefined)
      problems.set(fieldId.line(line.key, 'modifiers'), {
        key: 'check.invalid.modifier',
        values: { value: badModifier },
      });
    const units = line.units.trim();
    if (units !== '' && !(/^\d+$/.test(units) && Number(units) >= 1 && Number(units) <= MAX_UNITS))
      problems.set(fieldId.line(line.key, 'units'), {
        key: 'check.invalid.units',
        values: { max: MAX_UNITS },
      });
    const lineDiagnosis = splitList(line.diagnoses).find(
      (d) => !diagnosisPattern.test(d.toUpperCase()),
    );
    if (lineDiagnosis !== undefined)
      problems.set(fieldId.line(line.key, 'diagnoses'), {
        key: 'check.invalid.diagnosis',
        values: { value: lineDiagnosis },
      });
    if (line.dateOfService !== '' && !datePattern.test(line.dateOfService))
      problems.set(fieldId.line(line.key, 'date'), { key: 'check.invalid.date' });
  }
  return problems;
}

export interface JsonClaimLine {
  code: string;
  modifiers: string[];
  units: number;
  dateOfService?: string;
  diagnoses?: string[];
}

export interface JsonClaim {
  id: string;
  setting: Setting;
  dateOfService: string;
  diagnoses: string[];
  lines: JsonClaimLine[];
}

/** The request body of `POST /api/checks` for one typed claim (the JSON claim format). */
export function claimPayload(draft: ClaimDraft): { claims: JsonClaim[] } {
  const upper = (list: string[]) => list.map((item) => item.toUpperCase());
  return {
    claims: [
      {
        id: draft.id.trim(),
        setting: draft.setting,
        dateOfService: draft.dateOfService,
        diagnoses: upper(splitList(draft.diagnoses)),
        lines: draft.lines.map((line) => {
          const diagnoses = upper(splitList(line.diagnoses));
          return {
            code: line.code.trim().toUpperCase(),
            modifiers: upper(splitList(line.modifiers)).map((m) => m.replace(/^-/, '')),
            units: line.units.trim() === '' ? 1 : Number(line.units),
            ...(line.dateOfService ? { dateOfService: line.dateOfService } : {}),
            ...(diagnoses.length > 0 ? { diagnoses } : {}),
          };
        }),
      },
    ],
  };
}

/** How each line of the typed claim reads in findings' headings: code then modifiers. */
export function lineLabels(payload: { claims: JsonClaim[] }): Record<string, string[]> {
  return Object.fromEntries(
    payload.claims.map((claim) => [
      claim.id,
      claim.lines.map((line) => [line.code, ...line.modifiers].join(' ')),
    ]),
  );
}
