import type { Claim } from '../claims/claim-types.ts';
import type { LocaleCode } from '../domain/locale.ts';
import { dayOf } from '../domain/day.ts';
import { t } from '../i18n/translate.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { ruleIndexesFor } from '../rules/claim-checker.ts';
import type { Finding } from '../rules/finding.ts';
import { listed } from '../rules/listed.ts';
import { ReferenceIndex, type CoverageEntry } from '../rules/reference-index.ts';

/**
 * The coverage result of a case line that passes: the medical-necessity rule reports only the
 * lines no covered diagnosis supports, so a case also says, as an info finding with the policy
 * rows, which of the encounter's diagnoses the library's coverage lists (LCDs, articles, payer
 * policies) in force on the date cover for each procedure. Lines without coverage lists, or
 * with none of their diagnoses covered (the rule's own error), get nothing here.
 */
export async function coveredDiagnoses(
  ctx: LibraryContext,
  claim: Claim,
  lang: LocaleCode,
): Promise<Finding[]> {
  const { reference } = await ruleIndexesFor(ctx);
  return claim.lines.flatMap((line, at) => {
    const policies = ReferenceIndex.inForceOn(
      reference.coverage.get(line.code) ?? [],
      dayOf(line.dateOfService),
    );
    const covering = policies.filter((p) => line.diagnoses.some((dx) => covers(p, dx)));
    const diagnoses = line.diagnoses.filter((dx) => covering.some((p) => covers(p, dx)));
    if (diagnoses.length === 0) return [];
    const finding: Finding = {
      rule: 'medical-necessity',
      severity: 'info',
      lines: [at + 1],
      codes: [line.code, ...diagnoses],
      message: t(lang, 'ehr.coverage.covered', {
        code: line.code,
        diagnoses: listed(diagnoses),
        policies: listed([...new Set(covering.map((p) => p.policyId))]),
      }),
      citations: covering.slice(0, 3).map((p) => reference.citation(p)),
    };
    return [finding];
  });
}

/** As the medical-necessity rule reads a list: the code or a category above it ("M54.1"). */
function covers(policy: CoverageEntry, diagnosis: string): boolean {
  for (let end = diagnosis.length; end >= 3; end--) {
    if (policy.diagnoses.has(diagnosis.slice(0, end).replace(/\.$/, ''))) return true;
  }
  return false;
}
