import type { ClaimLine } from '../claims/claim-types.ts';
import { t } from '../i18n/translate.ts';
import type { CheckContext } from './check-context.ts';
import type { Finding } from './finding.ts';

/**
 * Lines that repeat the same service: same code, date, provider and modifiers (in any order).
 * Payers deny the repeat as a duplicate unless it is combined or marked as a repeat service.
 */
export function duplicateRule({ claim, lang }: CheckContext): Finding[] {
  const lines = claim.lines;
  // Claims are short (a few lines): comparing pairs allocates nothing when there is no repeat.
  let taken: Set<number> | null = null;
  const findings: Finding[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (taken?.has(i)) continue;
    let group: number[] | null = null;
    for (let j = i + 1; j < lines.length; j++) {
      if (!taken?.has(j) && sameService(lines[i]!, lines[j]!)) {
        group ??= [i];
        group.push(j);
        (taken ??= new Set()).add(j);
      }
    }
    if (!group) continue;
    const line = lines[i]!;
    findings.push({
      rule: 'duplicate',
      severity: 'warning',
      lines: group,
      codes: [line.code],
      ...(line.modifiers.length > 0 ? { modifiers: line.modifiers } : {}),
      message: t(lang, 'finding.duplicateLines', {
        code: line.code,
        lines: group.map((l) => l + 1).join(', '),
      }),
      fix: t(lang, 'finding.duplicateFix', { code: line.code }),
      citations: [],
    });
  }
  return findings;
}

function sameService(a: ClaimLine, b: ClaimLine): boolean {
  return (
    a.code === b.code &&
    a.dateOfService === b.dateOfService &&
    (a.provider ?? '') === (b.provider ?? '') &&
    a.modifiers.length === b.modifiers.length &&
    a.modifiers.every((m) => b.modifiers.includes(m))
  );
}
