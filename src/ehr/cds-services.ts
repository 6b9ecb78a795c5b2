import type { CdsDiscovery } from '../contracts/cds-hooks.ts';

/** The CDS Hooks services Codecard offers, by id (the path under /cds-services). */
export const cdsServiceHooks = {
  'codecard-order-sign': 'order-sign',
  'codecard-order-select': 'order-select',
} as const;
export type CdsServiceId = keyof typeof cdsServiceHooks;

/** What the EHR prefetches for a call: the patient, the encounter and its diagnoses. */
const prefetch = {
  patient: 'Patient/{{context.patientId}}',
  encounter: 'Encounter/{{context.encounterId}}',
  conditions: 'Condition?patient={{context.patientId}}&encounter={{context.encounterId}}',
};

const usageRequirements =
  'Send the draft orders as CPT or HCPCS codings; an API key of the organization authenticates the call.';

/** The discovery reply (GET /cds-services). */
export function cdsDiscovery(): CdsDiscovery {
  return {
    services: [
      {
        hook: cdsServiceHooks['codecard-order-sign'],
        id: 'codecard-order-sign',
        title: 'Codecard coding check',
        description:
          "Checks the orders being signed against the organization's library: NCCI PTP pairs, MUE units, add-on codes without their primary, and the encounter's diagnoses against the coverage lists.",
        prefetch,
        usageRequirements,
      },
      {
        hook: cdsServiceHooks['codecard-order-select'],
        id: 'codecard-order-select',
        title: 'Codecard coding check (while ordering)',
        description:
          'The same check as codecard-order-sign while orders are being chosen, so a conflict shows before the order is complete.',
        prefetch,
        usageRequirements,
      },
    ],
  };
}
