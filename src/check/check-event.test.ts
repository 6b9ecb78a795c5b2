import { describe, expect, test } from 'vitest';
import type { Claim, ClaimLine } from '../claims/claim-types.ts';
import type { ClaimResult } from '../rules/claim-checker.ts';
import type { Finding } from '../rules/finding.ts';
import { CheckEventAccumulator } from './check-event.ts';
import { isProcedureCode } from '../domain/code-shape.ts';

const line = (code: string, diagnoses: string[] = []): ClaimLine => ({
  code,
  modifiers: ['KX'],
  units: 1,
  dateOfService: '2026-03-02',
  diagnoses,
  provider: 'DR-SECRET-77',
  source: 'line 1',
});

const finding = (rule: Finding['rule'], codes: string[], severity: Finding['severity'] = 'error') =>
  ({ rule, severity, lines: [1], codes, message: 'm', citations: [] }) satisfies Finding;

function result(id: string, findings: Finding[]): ClaimResult {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { id, findings, summary: { errors, warnings: findings.length - errors, infos: 0 } };
}

describe('CheckEventAccumulator', () => {
  test('counts claims, lines, errors, rules, procedure codes and PTP pairs', () => {
    const checked = new CheckEventAccumulator();
    const claim: Claim = {
      id: 'PATIENT-ZZ-0001',
      setting: 'practitioner',
      lines: [line('62264', ['M54.16']), line('77003', ['M54.16']), line('62323', ['Z99.89'])],
    };
    checked.add(
      claim,
      result(claim.id, [
        finding('ptp', ['62264', '77003']),
        finding('medical-necessity', ['62323', 'Z99.89']),
        finding('frequency', ['62264'], 'warning'),
      ]),
    );
    checked.add(
      { id: 'PATIENT-ZZ-0002', setting: 'practitioner', lines: [line('99213')] },
      result('PATIENT-ZZ-0002', []),
    );
    expect(checked.toEvent()).toEqual({
      type: 'check',
      data: {
        claims: 2,
        lines: 4,
        claimsWithErrors: 1,
        findingsByRule: { ptp: 1, 'medical-necessity': 1, frequency: 1 },
        codes: { '62264': 2, '77003': 1, '62323': 1 },
        pairs: { '62264|77003': 1 },
        // Every line's procedure code, the clean claim's 99213 too.
        lineCodes: { '62264': 1, '77003': 1, '62323': 1, '99213': 1 },
      },
    });
  });

  test('a diagnosis typed as a line code (without its dot) is no line code either', () => {
    const checked = new CheckEventAccumulator();
    const claim: Claim = {
      id: 'Y',
      setting: 'practitioner',
      lines: [line('M5416', ['M54.16']), line('62264', ['M54.16'])],
    };
    checked.add(claim, result('Y', []));
    const event = checked.toEvent();
    expect(event?.type === 'check' && event.data.lineCodes).toEqual({ '62264': 1 });
  });

  test('a diagnosis never lands in the event, even written without its dot', () => {
    const checked = new CheckEventAccumulator();
    // "M5416" has a procedure code's shape; it is dropped because the claim lists M54.16.
    const claim: Claim = {
      id: 'X',
      setting: 'practitioner',
      lines: [line('62264', ['M54.16'])],
    };
    checked.add(claim, result('X', [finding('code-validity', ['M5416', 'M54.16', '62264'])]));
    expect(checked.toEvent()?.data).toMatchObject({ codes: { '62264': 1 } });
    expect(JSON.stringify(checked.toEvent())).not.toMatch(/M54|DR-SECRET|KX|"X"/);
  });

  test('nothing checked, no event', () => {
    expect(new CheckEventAccumulator().toEvent()).toBeNull();
  });

  test('procedure code shapes: CPT, category II/III and HCPCS pass; diagnoses and modifiers do not', () => {
    for (const code of ['62264', '0001F', '0042T', 'J1040', 'A4550'])
      expect(isProcedureCode(code)).toBe(true);
    for (const code of ['M54.16', 'Z99.89', 'Z9989', 'W1800', 'XS', '59', '622640', 'DR-SECRET-77'])
      expect(isProcedureCode(code)).toBe(false);
  });
});
