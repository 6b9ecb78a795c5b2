import type {
  CodeableConcept,
  Coding,
  Condition,
  Procedure,
  ServiceRequest,
} from '@medplum/fhirtypes';
import type { EhrCase } from '../contracts/ehr.ts';
import type { LocaleCode } from '../domain/locale.ts';
import { t } from '../i18n/translate.ts';
import { caseDate } from './case-date.ts';
import { encounterSetting } from './encounter-setting.ts';
import type { FhirCaseResources } from './fhir-case-resources.ts';
import { caseCodeSystem, normalizeIcd10cm, normalizeProcedureCode } from './fhir-code-systems.ts';
import { modifierExtensionPattern, procedureModifiers } from './procedure-modifiers.ts';
import { procedureUnits } from './procedure-units.ts';

type CaseDiagnosis = EhrCase['diagnoses'][number];
type CaseProcedure = EhrCase['procedures'][number];
type CaseSkipped = EhrCase['skipped'][number];

/** A case as read from the chart, before its check; no date when the chart gives none. */
export type FhirCase = Omit<EhrCase, 'check' | 'dateOfService'> & { dateOfService: string | null };

export interface CaseFromFhirOptions {
  /** The language of the reasons in `skipped` and of an assumed setting. */
  lang: LocaleCode;
  /** The date to use when the chart has none (CDS Hooks: orders being signed today). */
  today?: string;
}

const skippedConditionStatuses = new Set(['refuted', 'entered-in-error']);
const skippedProcedureStatuses = new Set([
  'not-done',
  'entered-in-error',
  'preparation',
  'unknown',
]);
const skippedOrderStatuses = new Set(['revoked', 'entered-in-error']);

/**
 * The case of one encounter from its FHIR resources (pure: nothing read, stored or logged):
 * its date of service (case-date.ts), its NCCI setting (encounter-setting.ts), its ICD-10-CM
 * diagnoses from Condition codings, and its CPT/HCPCS procedures from Procedure (performed) and
 * ServiceRequest (ordered) codings, with modifiers (procedure-modifiers.ts) and units
 * (procedure-units.ts). What cannot be used is listed in `skipped` with the reason.
 */
export function caseFromFhir(resources: FhirCaseResources, options: CaseFromFhirOptions): FhirCase {
  const { lang } = options;
  const skipped: CaseSkipped[] = [];
  const setting = encounterSetting(resources.encounter);
  return {
    fhirBase: resources.fhirBase,
    patientId: resources.patient?.id ?? '',
    encounterId: resources.encounter?.id ?? '',
    dateOfService: caseDate(resources) ?? options.today ?? null,
    setting: setting?.setting ?? 'practitioner',
    settingFrom: setting?.from ?? t(lang, 'ehr.setting.assumed'),
    diagnoses: resources.conditions.flatMap((c) => diagnosisOf(c, lang, skipped)),
    procedures: [
      ...resources.procedures.flatMap((p) => procedureOf(p, 'performed', lang, skipped)),
      ...resources.serviceRequests.flatMap((s) => procedureOf(s, 'ordered', lang, skipped)),
    ],
    skipped,
  };
}

function diagnosisOf(
  condition: Condition,
  lang: LocaleCode,
  skipped: CaseSkipped[],
): CaseDiagnosis[] {
  const from = { resourceType: 'Condition', id: condition.id ?? '' };
  const status = condition.verificationStatus?.coding?.[0]?.code;
  if (status && skippedConditionStatuses.has(status)) {
    skipped.push({ from, reason: t(lang, 'ehr.skipped.status', { status }) });
    return [];
  }
  const codings = codingsIn(condition.code, 'icd10cm');
  for (const coding of codings) {
    const code = normalizeIcd10cm(coding.code ?? '');
    if (code) return [{ code, ...displayOf(coding, condition.code), from }];
  }
  skipped.push({
    from,
    reason: badOrMissing(codings, 'ICD-10-CM', lang, 'ehr.skipped.noDiagnosisCode'),
  });
  return [];
}

function procedureOf(
  resource: Procedure | ServiceRequest,
  status: CaseProcedure['status'],
  lang: LocaleCode,
  skipped: CaseSkipped[],
): CaseProcedure[] {
  const from = { resourceType: resource.resourceType, id: resource.id ?? '' };
  const ignored = status === 'performed' ? skippedProcedureStatuses : skippedOrderStatuses;
  if (resource.status && ignored.has(resource.status)) {
    skipped.push({ from, reason: t(lang, 'ehr.skipped.status', { status: resource.status }) });
    return [];
  }
  const unknown = (resource.modifierExtension ?? []).find(
    (e) => !modifierExtensionPattern.test(e.url),
  );
  if (unknown) {
    skipped.push({ from, reason: t(lang, 'ehr.skipped.modifierExtension', { url: unknown.url }) });
    return [];
  }
  const codings = [...codingsIn(resource.code, 'cpt'), ...codingsIn(resource.code, 'hcpcs')];
  for (const coding of codings) {
    const system = caseCodeSystem(coding) === 'hcpcs' ? 'hcpcs' : 'cpt';
    const code = normalizeProcedureCode(coding.code ?? '', system);
    if (!code) continue;
    const units = procedureUnits(resource);
    if ('invalid' in units) {
      skipped.push({ from, reason: t(lang, 'ehr.skipped.units', { value: units.invalid }) });
      return [];
    }
    const modifiers = procedureModifiers(resource, coding, code.modifiers);
    return [
      {
        code: code.code,
        system: code.system,
        modifiers,
        units: units.units,
        ...displayOf(coding, resource.code),
        status,
        from,
      },
    ];
  }
  skipped.push({
    from,
    reason: badOrMissing(codings, 'CPT/HCPCS', lang, 'ehr.skipped.noProcedureCode'),
  });
  return [];
}

function codingsIn(
  concept: CodeableConcept | undefined,
  system: 'icd10cm' | 'cpt' | 'hcpcs',
): Coding[] {
  return (concept?.coding ?? []).filter((c) => caseCodeSystem(c) === system);
}

function displayOf(coding: Coding, concept: CodeableConcept | undefined): { display?: string } {
  const display = coding.display ?? concept?.text;
  return display === undefined ? {} : { display };
}

function badOrMissing(
  codings: Coding[],
  system: string,
  lang: LocaleCode,
  missing: 'ehr.skipped.noDiagnosisCode' | 'ehr.skipped.noProcedureCode',
): string {
  const first = codings[0];
  return first === undefined
    ? t(lang, missing)
    : t(lang, 'ehr.skipped.badCode', { code: first.code ?? '', system });
}
