import type { Condition, Encounter, Procedure, ServiceRequest } from '@medplum/fhirtypes';
import { describe, expect, test } from 'vitest';
import { caseFromFhir } from './case-from-fhir.ts';
import { readCaseFixture } from './case-fixtures.ts';
import { caseResourcesFrom, caseResourcesFromBundle } from './case-resources-from-bundle.ts';

const base = 'https://ehr.example/fhir';
const cpt = 'http://www.ama-assn.org/go/cpt';
const icd = 'http://hl7.org/fhir/sid/icd-10-cm';
const pos = 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set';

const encounter = (over: Partial<Encounter> = {}): Encounter => ({
  resourceType: 'Encounter',
  id: 'e1',
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
  ...over,
});
const procedure = (code: string, over: Partial<Procedure> = {}): Procedure => ({
  resourceType: 'Procedure',
  id: `p-${code}`,
  status: 'completed',
  subject: { reference: 'Patient/x' },
  code: { coding: [{ system: cpt, code }] },
  ...over,
});
const order = (code: string, over: Partial<ServiceRequest> = {}): ServiceRequest => ({
  resourceType: 'ServiceRequest',
  id: `s-${code}`,
  status: 'draft',
  intent: 'proposal',
  subject: { reference: 'Patient/x' },
  code: { coding: [{ system: cpt, code }] },
  ...over,
});
const condition = (code: string, system = icd, over: Partial<Condition> = {}): Condition => ({
  resourceType: 'Condition',
  id: `c-${code}`,
  subject: { reference: 'Patient/x' },
  code: { coding: [{ system, code }] },
  ...over,
});
const read = (resources: Parameters<typeof caseResourcesFrom>[0], today?: string) =>
  caseFromFhir(caseResourcesFrom(resources, base), { lang: 'en', ...(today ? { today } : {}) });

describe('caseFromFhir on the fixtures', () => {
  test('the office case: date, practitioner setting, M54.16, 62264 + 77003, the SNOMED-only problem skipped', async () => {
    const bundle = await readCaseFixture('lumbar-radiculopathy-office');
    const c = caseFromFhir(caseResourcesFromBundle(bundle, base), { lang: 'en' });
    expect(c).toMatchObject({
      fhirBase: base,
      patientId: 'sample-pat-1',
      encounterId: 'sample-enc-1',
      dateOfService: '2026-03-02',
      setting: 'practitioner',
      settingFrom: 'Encounter.type POS 11 (Office)',
    });
    expect(c.diagnoses).toEqual([
      {
        code: 'M54.16',
        display: 'SAMPLE lumbar radiculopathy',
        from: { resourceType: 'Condition', id: 'sample-cond-1' },
      },
    ]);
    expect(c.procedures.map((p) => [p.code, p.system, p.units, p.status, p.modifiers])).toEqual([
      ['62264', 'cpt', 1, 'performed', []],
      ['77003', 'cpt', 1, 'performed', []],
    ]);
    expect(c.skipped).toEqual([
      {
        from: { resourceType: 'Condition', id: 'sample-cond-2' },
        reason: 'Not used: no ICD-10-CM code.',
      },
    ]);
  });

  test('the outpatient hospital case: POS 22, the undotted M48062 dotted, the XS extension read', async () => {
    const bundle = await readCaseFixture('outpatient-hospital-injection');
    const c = caseFromFhir(caseResourcesFromBundle(bundle, base), { lang: 'en' });
    expect(c.setting).toBe('hospital');
    expect(c.settingFrom).toBe('Encounter.type POS 22 (On Campus-Outpatient Hospital)');
    expect(c.diagnoses.map((d) => d.code)).toEqual(['M48.062']);
    expect(c.procedures.map((p) => `${p.code}${p.modifiers.map((m) => `-${m}`).join('')}`)).toEqual(
      ['62323', '64483-XS'],
    );
    expect(c.skipped).toEqual([]);
  });
});

describe('the date of service', () => {
  test('the encounter start as the chart writes it (its own day, not UTC)', () => {
    const c = read([encounter({ period: { start: '2026-03-02T22:30:00-08:00' } })]);
    expect(c.dateOfService).toBe('2026-03-02');
  });

  test('else the earliest procedure date, then the earliest order date, then today, else null', () => {
    const p1 = procedure('62264', { performedPeriod: { start: '2026-03-04T10:00:00Z' } });
    const p2 = procedure('77003', { performedDateTime: '2026-03-03' });
    expect(read([encounter(), p1, p2]).dateOfService).toBe('2026-03-03');
    const o = order('62323', { occurrenceTiming: { event: ['2026-05-01T08:00:00Z'] } });
    expect(read([o]).dateOfService).toBe('2026-05-01');
    expect(read([order('62323', { occurrenceDateTime: '2026-05' })]).dateOfService).toBeNull();
    expect(read([order('62323')], '2026-06-30').dateOfService).toBe('2026-06-30');
  });
});

describe('the setting', () => {
  test('a hospital class decides first', () => {
    const c = read([encounter({ class: { code: 'EMER' }, type: [{ text: 'Office' }] })]);
    expect([c.setting, c.settingFrom]).toEqual(['hospital', 'Encounter.class EMER']);
  });

  test('a place-of-service code in type, serviceType or location (OID form too)', () => {
    const serviceType = { coding: [{ system: 'urn:oid:2.16.840.1.113883.6.50', code: '19' }] };
    expect(read([encounter({ serviceType })]).settingFrom).toBe('Encounter.serviceType POS 19');
    const location = [
      { location: { display: 'x' }, physicalType: { coding: [{ system: pos, code: '11' }] } },
    ];
    expect(read([encounter({ location })]).setting).toBe('practitioner');
  });

  test('words in the type text when there is no code', () => {
    const c = read([encounter({ type: [{ text: 'Hospital outpatient department' }] })]);
    expect(c).toMatchObject({
      setting: 'hospital',
      settingFrom: 'Encounter.type "Hospital outpatient department"',
    });
    const o = read([
      encounter({ type: [{ coding: [{ code: 'x', display: 'Physician office visit' }] }] }),
    ]);
    expect(o.setting).toBe('practitioner');
  });

  test('ambulatory alone, or no encounter: practitioner, and the case says it was assumed', () => {
    for (const c of [read([encounter()]), read([])]) {
      expect(c.setting).toBe('practitioner');
      expect(c.settingFrom).toBe(
        'The encounter does not say where the service was given: practitioner assumed.',
      );
    }
    expect(caseFromFhir(caseResourcesFrom([], base), { lang: 'es' }).settingFrom).toContain(
      'se supone',
    );
  });
});

describe('codes, modifiers and units', () => {
  test('code system variants: https, trailing slash, OIDs; HCPCS level II and level I', () => {
    const c = read([
      procedure('62264', {
        code: { coding: [{ system: 'https://www.ama-assn.org/go/cpt/', code: '62264' }] },
      }),
      procedure('J1040', {
        code: {
          coding: [
            { system: 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', code: 'j1040' },
          ],
        },
      }),
      procedure('77003', {
        code: { coding: [{ system: 'urn:oid:2.16.840.1.113883.6.285', code: '77003' }] },
      }),
      condition('M5416', 'urn:oid:2.16.840.1.113883.6.90'),
      condition('m54.17', 'http://hl7.org/fhir/sid/icd-10-cm/'),
    ]);
    expect(c.procedures.map((p) => `${p.system}:${p.code}`)).toEqual([
      'cpt:62264',
      'hcpcs:J1040',
      'cpt:77003',
    ]);
    expect(c.diagnoses.map((d) => d.code)).toEqual(['M54.16', 'M54.17']);
  });

  test('the first usable coding wins; SNOMED and WHO ICD-10 are not ICD-10-CM', () => {
    const mixed = procedure('x', {
      code: {
        coding: [
          { system: 'http://snomed.info/sct', code: '1' },
          { system: cpt, code: '62264' },
        ],
      },
    });
    expect(read([mixed]).procedures.map((p) => p.code)).toEqual(['62264']);
    const who = read([condition('M54.1', 'http://hl7.org/fhir/sid/icd-10')]);
    expect(who.diagnoses).toEqual([]);
    expect(who.skipped[0]!.reason).toBe('Not used: no ICD-10-CM code.');
  });

  test('malformed codes are skipped with the code named', () => {
    const c = read([procedure('6226'), condition('54.16')]);
    expect(c.procedures).toEqual([]);
    expect(c.skipped.map((s) => s.reason)).toEqual([
      'Not used: 54.16 is not a valid ICD-10-CM code.',
      'Not used: 6226 is not a valid CPT/HCPCS code.',
    ]);
  });

  test('modifiers from extensions (resource, coding, modifierExtension), a Claim-style modifier and the code suffix', () => {
    const ext = (url: string, value: object) => ({ url, ...value });
    const p = procedure('62264-52', {
      extension: [
        ext('https://ehr.example/StructureDefinition/procedure-modifier', { valueCode: 'xs' }),
      ],
      modifierExtension: [ext('urn:x:Modifier', { valueString: '59' })],
      code: {
        coding: [
          {
            system: cpt,
            code: '62264-52',
            extension: [
              ext('https://ehr.example/cpt-modifier', {
                valueCodeableConcept: { coding: [{ code: 'LT' }, { code: 'XS' }] },
              }),
            ],
          },
        ],
      },
    });
    (p as unknown as { modifier: object[] }).modifier = [{ coding: [{ system: cpt, code: '50' }] }];
    expect(read([p]).procedures[0]!.modifiers).toEqual(['XS', '59', 'LT', '50', '52']);
  });

  test('an unknown modifierExtension changes the meaning: the procedure is skipped', () => {
    const p = procedure('62264', {
      modifierExtension: [{ url: 'https://ehr.example/planned-only', valueBoolean: true }],
    });
    const c = read([p]);
    expect(c.procedures).toEqual([]);
    expect(c.skipped[0]!.reason).toContain('https://ehr.example/planned-only');
  });

  test('units from the order quantity or a units extension, default 1; fractions are skipped', () => {
    const c = read([
      order('62323', { quantityQuantity: { value: 2 } }),
      procedure('64484', {
        extension: [{ url: 'https://ehr.example/units', valuePositiveInt: 3 }],
      }),
      procedure('64483'),
      order('64480', { quantityQuantity: { value: 1.5 } }),
    ]);
    expect(c.procedures.map((p) => [p.code, p.units, p.status])).toEqual([
      ['64484', 3, 'performed'],
      ['64483', 1, 'performed'],
      ['62323', 2, 'ordered'],
    ]);
    expect(c.skipped).toEqual([
      {
        from: { resourceType: 'ServiceRequest', id: 's-64480' },
        reason: 'Not used: 1.5 is not a whole number of units.',
      },
    ]);
  });

  test('not-done procedures, revoked orders and refuted diagnoses are skipped with their status', () => {
    const refuted = condition('M54.16', icd, {
      verificationStatus: { coding: [{ code: 'refuted' }] },
    });
    const c = read([
      procedure('62264', { status: 'not-done' }),
      order('77003', { status: 'revoked' }),
      refuted,
    ]);
    expect(c.procedures).toEqual([]);
    expect(c.diagnoses).toEqual([]);
    expect(c.skipped.map((s) => s.reason)).toEqual([
      'Not used: its status is refuted.',
      'Not used: its status is not-done.',
      'Not used: its status is revoked.',
    ]);
  });
});
