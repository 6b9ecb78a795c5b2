import { dayOf } from '../domain/day.ts';
import { mueCounting, mueExcess } from '../domain/mue-verdict.ts';
import { t } from '../i18n/translate.ts';
import type { CheckContext } from './check-context.ts';
import type { MueEntry } from './edit-index.ts';
import type { Finding } from './finding.ts';

/**
 * Medically unlikely edits, the MUE that speaks for the line's date (release precedence, as for
 * PTP): counted per line or per date as its adjudication indicator says (mue-verdict.ts).
 */
export function mueRule({ claim, index, lang }: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const groups = new Map<string, { entry: MueEntry; lines: number[]; units: number }>();
  claim.lines.forEach((line, at) => {
    const id = index.codeId(line.code);
    if (id === undefined) return;
    const found = index.mueOnDay(claim.setting, id, dayOf(line.dateOfService));
    if (found.kind !== 'in-force') return;
    const entry = found.held.row;
    if (mueCounting(entry.adjudication) === 'per-line') {
      if (mueExcess(entry.value, line.units) > 0)
        findings.push(finding(entry, [at], line.code, line.units));
      return;
    }
    const key = `${line.code}|${line.dateOfService}`;
    const group = groups.get(key) ?? { entry, lines: [], units: 0 };
    group.lines.push(at);
    group.units += line.units;
    groups.set(key, group);
  });
  for (const [key, group] of groups) {
    if (mueExcess(group.entry.value, group.units) > 0) {
      findings.push(finding(group.entry, group.lines, key.split('|')[0]!, group.units));
    }
  }
  return findings;

  function finding(entry: MueEntry, lines: number[], code: string, units: number): Finding {
    const source = index.sources[entry.source]!;
    return {
      rule: 'mue',
      severity: 'error',
      lines,
      codes: [code],
      message: t(lang, 'finding.mueExceeded', {
        code,
        units,
        value: entry.value,
        adjudication: String(entry.adjudication ?? 'other'),
      }),
      fix: t(lang, 'finding.mueFix', { code, value: entry.value }),
      citations: [{ ...source, locator: entry.locator }],
    };
  }
}
