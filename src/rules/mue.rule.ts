import { t } from '../i18n/translate.ts';
import type { CheckContext } from './check-context.ts';
import { dayNumber, type MueEntry } from './edit-index.ts';
import type { Finding } from './finding.ts';

const LINE_EDIT = 1;

/**
 * Medically unlikely edits: adjudication indicator 1 limits the units on one line; 2 (policy)
 * and 3 (clinical, appealable) limit the units of the code summed over the date of service.
 */
export function mueRule({ claim, index, lang }: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const groups = new Map<string, { entry: MueEntry; lines: number[]; units: number }>();
  claim.lines.forEach((line, at) => {
    const id = index.codeId(line.code);
    if (id === undefined) return;
    const entries = index.mues(claim.setting, id);
    if (entries.length === 0) return;
    const dos = dayNumber(line.dateOfService);
    const entry = entries.find((m) => dos >= m.from && dos < m.until);
    if (!entry) return;
    if (entry.adjudication === LINE_EDIT) {
      if (line.units > entry.value) findings.push(finding(entry, [at], line.code, line.units));
      return;
    }
    const key = `${line.code}|${line.dateOfService}`;
    const group = groups.get(key) ?? { entry, lines: [], units: 0 };
    group.lines.push(at);
    group.units += line.units;
    groups.set(key, group);
  });
  for (const [key, group] of groups) {
    if (group.units > group.entry.value) {
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
