import { t } from '../i18n/translate.ts';
import type { CheckContext } from './check-context.ts';
import { dayOf } from '../domain/day.ts';
import type { Finding } from './finding.ts';
import { listed } from './listed.ts';
import { ReferenceIndex, type CoverageEntry } from './reference-index.ts';

/**
 * A line whose procedure code has coverage lists (LCDs, articles, payer policies) in force needs
 * at least one diagnosis on the line (or inherited from the claim) that one of them covers.
 */
export function medicalNecessityRule({ claim, reference, lang }: CheckContext): Finding[] {
  const findings: Finding[] = [];
  claim.lines.forEach((line, at) => {
    const all = reference.coverage.get(line.code);
    if (!all) return;
    const policies = ReferenceIndex.inForceOn(all, dayOf(line.dateOfService));
    if (policies.length === 0) return;
    if (line.diagnoses.some((dx) => policies.some((p) => covers(p, dx)))) return;
    const policyIds = listed([...new Set(policies.map((p) => p.policyId))]);
    findings.push({
      rule: 'medical-necessity',
      severity: 'error',
      lines: [at],
      codes: [line.code, ...line.diagnoses],
      message:
        line.diagnoses.length === 0
          ? t(lang, 'finding.noDiagnosis', { code: line.code, policies: policyIds })
          : t(lang, 'finding.noCoveredDiagnosis', {
              code: line.code,
              policies: policyIds,
              diagnoses: listed(line.diagnoses),
            }),
      fix: t(lang, 'finding.coverageFix', {
        examples: listed([...new Set(policies.flatMap((p) => [...p.diagnoses]))].sort()),
      }),
      citations: policies.slice(0, 3).map((p) => reference.citation(p)),
    });
  });
  return findings;
}

/** Covered when the policy lists the diagnosis or a category above it ("M54.1" covers "M54.16"). */
function covers(policy: CoverageEntry, diagnosis: string): boolean {
  for (let end = diagnosis.length; end >= 3; end--) {
    const prefix = diagnosis.slice(0, end).replace(/\.$/, '');
    if (policy.diagnoses.has(prefix)) return true;
  }
  return false;
}
