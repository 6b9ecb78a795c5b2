import type { EhrCase } from '../contracts/ehr.ts';
import type { FhirCaseResources } from './fhir-case-resources.ts';

/**
 * STAND-IN until helper A's `checkCase(ctx, resources)` (src/ehr/case-check.ts) is merged: the
 * integrator replaces the one call in src/http/routes/ehr-case.routes.ts and deletes this file.
 * It only lists the chart's ICD-10-CM and CPT codings and runs no check (no findings).
 */
export function caseStandIn(resources: FhirCaseResources): EhrCase {
  const encounter = resources.encounter;
  const ref = (resourceType: string, id: string | undefined) => ({ resourceType, id: id ?? '' });
  const diagnoses = resources.conditions.flatMap((condition) =>
    (condition.code?.coding ?? [])
      .filter((c) => c.system === 'http://hl7.org/fhir/sid/icd-10-cm' && c.code)
      .map((c) => ({ code: c.code ?? '', from: ref('Condition', condition.id) })),
  );
  const procedures = resources.procedures.flatMap((procedure) =>
    (procedure.code?.coding ?? [])
      .filter((c) => c.system === 'http://www.ama-assn.org/go/cpt' && c.code)
      .map((c) => ({
        code: c.code ?? '',
        system: 'cpt' as const,
        modifiers: [],
        units: 1,
        status: 'performed' as const,
        from: ref('Procedure', procedure.id),
      })),
  );
  return {
    fhirBase: resources.fhirBase,
    patientId: resources.patient?.id ?? '',
    encounterId: encounter?.id ?? '',
    dateOfService: (encounter?.period?.start ?? '1970-01-01').slice(0, 10),
    setting: 'practitioner',
    settingFrom: 'stand-in: not decided',
    diagnoses,
    procedures,
    skipped: [],
    check: { id: encounter?.id ?? '', findings: [], summary: { errors: 0, warnings: 0, infos: 0 } },
  };
}
