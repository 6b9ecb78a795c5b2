import { t } from '../i18n/translate.ts';
import type { CheckContext } from './check-context.ts';
import { addOnVerdict } from '../domain/add-on-verdict.ts';
import { dayOf } from '../domain/day.ts';
import type { Finding } from './finding.ts';
import { ReferenceIndex } from './reference-index.ts';
import { listed } from './listed.ts';

/** An add-on code needs one of its primary codes (per the library's add-on table) on its date. */
export function addOnRule({ claim, reference, lang }: CheckContext): Finding[] {
  const findings: Finding[] = [];
  claim.lines.forEach((line, at) => {
    // Most lines are not add-on codes: no date parsing or filtering for them.
    const all = reference.addOns.get(line.code);
    if (!all) return;
    const entries = ReferenceIndex.inForceOn(all, dayOf(line.dateOfService));
    if (entries.length === 0) return;
    const sameDate = claim.lines.filter((other) => other.dateOfService === line.dateOfService);
    const verdict = addOnVerdict(
      new Set(entries.map((e) => e.primary)),
      sameDate.map((other) => other.code),
    );
    if (verdict.kind === 'primary-present') return;
    findings.push({
      rule: 'add-on',
      severity: 'error',
      lines: [at],
      codes: [line.code],
      message: t(lang, 'finding.addOnWithoutPrimary', {
        code: line.code,
        primaries: listed(verdict.primaries),
      }),
      fix: t(lang, 'finding.addOnFix', { code: line.code }),
      citations: entries.slice(0, 3).map((e) => reference.citation(e)),
    });
  });
  return findings;
}
