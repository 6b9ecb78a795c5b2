/** CDS Hooks request fixtures (synthetic patient, SAMPLE data) shared by the hook tests. */

const cpt = 'http://www.ama-assn.org/go/cpt';
const order = (id: string, code: string) => ({
  resource: {
    resourceType: 'ServiceRequest',
    id,
    status: 'draft',
    intent: 'proposal',
    subject: { reference: 'Patient/sample-pat-9' },
    code: { coding: [{ system: cpt, code }] },
  },
});

/** An order-sign call for the synthetic patient, with the encounter and its diagnosis prefetched. */
export const cdsHookRequest = (codes: string[], over: Record<string, unknown> = {}) => ({
  hook: 'order-sign',
  hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
  fhirServer: 'https://ehr.example/fhir',
  fhirAuthorization: {
    access_token: 'planted-fhir-token',
    token_type: 'Bearer',
    scope: 'x',
    subject: 'codecard',
  },
  context: {
    userId: 'Practitioner/sample-doc',
    patientId: 'sample-pat-9',
    encounterId: 'sample-enc-9',
    draftOrders: {
      resourceType: 'Bundle',
      type: 'collection',
      entry: codes.map((code, i) => order(`draft-${i + 1}`, code)),
    },
  },
  prefetch: {
    patient: {
      resourceType: 'Patient',
      id: 'sample-pat-9',
      name: [{ family: 'Plantedfamilyname', given: ['Sample'] }],
    },
    encounter: {
      resourceType: 'Encounter',
      id: 'sample-enc-9',
      status: 'in-progress',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      type: [{ text: 'Office visit' }],
      period: { start: '2026-03-02T09:00:00-05:00' },
    },
    conditions: {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        {
          resource: {
            resourceType: 'Condition',
            id: 'sample-cond-9',
            subject: { reference: 'Patient/sample-pat-9' },
            code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'M54.16' }] },
          },
        },
      ],
    },
  },
  ...over,
});
