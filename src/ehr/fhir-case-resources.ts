import type {
  Condition,
  Coverage,
  Encounter,
  Patient,
  Procedure,
  ServiceRequest,
} from '@medplum/fhirtypes';

/**
 * The FHIR R4 resources of one encounter that Codecard reads from an EHR: what a SMART launch
 * reads with the user's token (src/ehr, issue 18) and what a CDS Hooks request carries (its
 * context's draft orders and its prefetch). They are held for the request or the session only,
 * never stored. The case (`caseFromFhir`) is made from these and nothing else.
 */
export interface FhirCaseResources {
  /** The EHR's FHIR base URL (the SMART `iss`, or the CDS Hooks `fhirServer`). */
  fhirBase: string;
  patient: Patient | null;
  encounter: Encounter | null;
  /** The encounter's diagnoses (Condition with ICD-10-CM codings). */
  conditions: Condition[];
  /** Procedures performed in the encounter (CPT/HCPCS codings, modifiers, units). */
  procedures: Procedure[];
  /** Procedures ordered or proposed (CDS Hooks draft orders; a SMART launch may read them too). */
  serviceRequests: ServiceRequest[];
  coverages: Coverage[];
}
