import type { Claim } from '../claims/claim-types.ts';
import { checkAllClaims } from '../check/check-claims.ts';
import type { EhrCase } from '../contracts/ehr.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { summarize } from '../rules/claim-checker.ts';
import { coveredDiagnoses } from './case-coverage.ts';
import { caseFromFhir, type CaseFromFhirOptions, type FhirCase } from './case-from-fhir.ts';
import type { FhirCaseResources } from './fhir-case-resources.ts';

/**
 * The case of one encounter with its check: the case (caseFromFhir) as one claim, a line per
 * procedure with every diagnosis of the encounter on it, run through the claim check for the
 * case's date and setting. PTP, MUE, add-on, modifier, coverage (the diagnoses against the
 * library's LCD/article lists) and each diagnosis's validity on the date all come from the
 * existing rules, with the library rows they cite; the diagnoses the coverage lists do cover
 * are added as info findings (case-coverage.ts). Nothing of the case is stored.
 */
export async function checkCase(
  ctx: LibraryContext,
  resources: FhirCaseResources,
  options: CaseFromFhirOptions = { lang: 'en' },
): Promise<EhrCase> {
  const fhirCase = caseFromFhir(resources, options);
  const { dateOfService } = fhirCase;
  if (dateOfService === null)
    throw new CodecardError('EHR_CASE_NO_DATE', { encounter: fhirCase.encounterId || '(none)' });
  const claim = caseClaim({ ...fhirCase, dateOfService });
  const [checked] =
    claim.lines.length === 0 ? [] : await checkAllClaims(ctx, [claim], options.lang);
  const findings = [
    ...(checked?.findings ?? []),
    ...(await coveredDiagnoses(ctx, claim, options.lang)),
  ];
  return {
    ...fhirCase,
    dateOfService,
    check: { id: claim.id, findings, summary: summarize(findings) },
  };
}

/** The claim a case is checked as: line N is the case's procedure N (findings' `lines` say N). */
export function caseClaim(fhirCase: FhirCase & { dateOfService: string }): Claim {
  const diagnoses = fhirCase.diagnoses.map((d) => d.code);
  return {
    id: `encounter ${fhirCase.encounterId || '(none)'}`,
    setting: fhirCase.setting,
    lines: fhirCase.procedures.map((p) => ({
      code: p.code,
      modifiers: p.modifiers,
      units: p.units,
      dateOfService: fhirCase.dateOfService,
      diagnoses: [...new Set(diagnoses)],
      provider: null,
      source: `${p.from.resourceType}/${p.from.id}`,
    })),
  };
}
