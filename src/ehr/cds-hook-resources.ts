import type { Encounter, Patient, Resource } from '@medplum/fhirtypes';
import type { CdsHookRequest } from '../contracts/cds-hooks.ts';
import { caseResourcesFrom } from './case-resources-from-bundle.ts';
import type { FhirCaseResources } from './fhir-case-resources.ts';

/**
 * The case resources of a CDS Hooks call: the draft orders (context.draftOrders) and whatever
 * the EHR prefetched (a resource or a search Bundle per key; a key may be null or missing). The
 * patient and encounter the context names stand in, by id only, for ones not prefetched.
 */
export function cdsHookResources(request: CdsHookRequest): FhirCaseResources {
  const prefetched = Object.values(request.prefetch ?? {}).flatMap((value) =>
    value === null ? [] : unbundled(value as Resource),
  );
  const orders = (request.context.draftOrders.entry ?? []).flatMap((e) =>
    e.resource ? [e.resource as Resource] : [],
  );
  const resources = caseResourcesFrom([...prefetched, ...orders], request.fhirServer ?? '');
  const { patientId, encounterId } = request.context;
  const patient: Patient = resources.patient ?? { resourceType: 'Patient', id: patientId };
  const encounter: Encounter | null =
    resources.encounter ??
    (encounterId === undefined
      ? null
      : { resourceType: 'Encounter', id: encounterId, status: 'unknown', class: {} });
  return { ...resources, patient, encounter };
}

function unbundled(resource: Resource): Resource[] {
  if (resource.resourceType !== 'Bundle') return [resource];
  return (resource.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}
