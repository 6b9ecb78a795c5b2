import type {
  Bundle,
  Condition,
  Coverage,
  Encounter,
  Patient,
  Procedure,
  Resource,
  ServiceRequest,
} from '@medplum/fhirtypes';
import type { FhirCaseResources } from './fhir-case-resources.ts';

/**
 * The case resources in a FHIR Bundle (a fixture's collection, a search result, CDS Hooks draft
 * orders): the first Patient and Encounter, and every Condition, Procedure, ServiceRequest and
 * Coverage. Other resources are left out.
 */
export function caseResourcesFromBundle(bundle: Bundle, fhirBase: string): FhirCaseResources {
  return caseResourcesFrom(
    (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : [])),
    fhirBase,
  );
}

/** The case resources among `resources` (see caseResourcesFromBundle). */
export function caseResourcesFrom(
  resources: readonly Resource[],
  fhirBase: string,
): FhirCaseResources {
  const of = <T extends Resource>(type: T['resourceType']) =>
    resources.filter((r): r is T => r.resourceType === type);
  return {
    fhirBase,
    patient: of<Patient>('Patient')[0] ?? null,
    encounter: of<Encounter>('Encounter')[0] ?? null,
    conditions: of<Condition>('Condition'),
    procedures: of<Procedure>('Procedure'),
    serviceRequests: of<ServiceRequest>('ServiceRequest'),
    coverages: of<Coverage>('Coverage'),
  };
}
