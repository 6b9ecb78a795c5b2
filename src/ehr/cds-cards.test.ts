import { describe, expect, test } from 'vitest';
import type { EhrCase } from '../contracts/ehr.ts';
import type { Finding } from '../contracts/checks.ts';
import { cdsCards } from './cds-cards.ts';

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'ptp',
  severity: 'error',
  lines: [2],
  codes: ['62263', '62264'],
  message: 'SAMPLE message',
  citations: [],
  ...over,
});
const checked = (findings: Finding[]): EhrCase => ({
  fhirBase: 'https://ehr.example/fhir',
  patientId: 'p',
  encounterId: 'e',
  dateOfService: '2026-03-02',
  setting: 'practitioner',
  settingFrom: 'x',
  diagnoses: [],
  procedures: [],
  skipped: [],
  check: { id: 'c', findings, summary: { errors: 0, warnings: 0, infos: 0 } },
});
const url = 'https://codecard.example';

describe('cdsCards', () => {
  test('errors are warning cards, warnings info cards; info findings and notes naming no code give none', () => {
    const cards = cdsCards(
      checked([
        finding({}),
        finding({ rule: 'frequency', severity: 'warning', codes: ['62323'] }),
        finding({ rule: 'medical-necessity', severity: 'info' }),
        finding({ rule: 'code-validity', severity: 'warning', codes: [] }),
      ]),
      'en',
      url,
    );
    expect(cards.map((c) => [c.indicator, c.summary])).toEqual([
      ['warning', '62263, 62264: an NCCI PTP edit pairs these procedures'],
      ['info', '62323: Codecard found a problem with this order'],
    ]);
  });

  test('the source links to the viewer at the cited row; without a citation, to Codecard', () => {
    const cited = finding({
      fix: 'SAMPLE fix',
      citations: [{ documentId: 7, title: 'ptp.txt', version: 'v32.0', locator: 'line 25' }],
    });
    const [withSource, without] = cdsCards(checked([cited, finding({})]), 'en', url);
    expect(withSource!.source).toEqual({
      label: 'ptp.txt (v32.0)',
      url: 'https://codecard.example/sources/7?locator=line%2025',
    });
    expect(withSource!.detail).toBe('SAMPLE message\n\nSAMPLE fix');
    expect(without!.source).toEqual({ label: 'Codecard', url });
  });

  test('summaries stay within 140 characters; the same finding keeps its card id', () => {
    const many = finding({ codes: Array.from({ length: 40 }, (_, i) => String(64400 + i)) });
    const [card] = cdsCards(checked([many]), 'en', url);
    expect(card!.summary).toHaveLength(140);
    expect(card!.summary.endsWith('…')).toBe(true);
    expect(cdsCards(checked([many]), 'en', url)[0]!.uuid).toBe(card!.uuid);
    expect(card!.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('with selections (order-select), only findings on a line of a chosen order', () => {
    const c = checked([finding({ lines: [2] }), finding({ rule: 'mue', lines: [1] })]);
    c.procedures = ['62263', '62264'].map((code, i) => ({
      code,
      system: 'cpt',
      modifiers: [],
      units: 1,
      status: 'ordered',
      from: { resourceType: 'ServiceRequest', id: `o${i + 1}` },
    }));
    const rules = (selections: string[]) =>
      cdsCards(c, 'en', url, selections).map((card) => card.summary.split(': ')[1]);
    expect(rules(['ServiceRequest/o2'])).toEqual(['an NCCI PTP edit pairs these procedures']);
    expect(rules(['ServiceRequest/o1'])).toEqual(['more units than the MUE allows']);
    expect(rules([])).toEqual([]);
    expect(cdsCards(c, 'en', url)).toHaveLength(2);
  });
});
