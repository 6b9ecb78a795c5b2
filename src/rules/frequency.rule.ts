import { t } from '../i18n/translate.ts';
import type { CheckContext } from './check-context.ts';
import { dayOf } from '../domain/day.ts';
import type { Finding } from './finding.ts';
import { ReferenceIndex } from './reference-index.ts';

/**
 * Frequency limits the library states in its guidance ("Report 62264 once per day"): the units
 * of a code on one date of service, summed over its lines, above the limit. A warning, since
 * the limit is read from prose rather than an edit table; the sentence is quoted.
 */
export function frequencyRule({ claim, reference, lang }: CheckContext): Finding[] {
  if (!claim.lines.some((line) => reference.frequency.has(line.code))) return [];
  const groups = new Map<string, { code: string; date: string; lines: number[]; units: number }>();
  claim.lines.forEach((line, at) => {
    if (!reference.frequency.has(line.code)) return;
    const key = `${line.code}|${line.dateOfService}`;
    const group = groups.get(key) ?? {
      code: line.code,
      date: line.dateOfService,
      lines: [],
      units: 0,
    };
    group.lines.push(at);
    group.units += line.units;
    groups.set(key, group);
  });
  const findings: Finding[] = [];
  for (const group of groups.values()) {
    const limits = ReferenceIndex.inForceOn(
      reference.frequency.get(group.code) ?? [],
      dayOf(group.date),
    ).filter((limit) => limit.setting === null || limit.setting === claim.setting);
    const strictest = limits.reduce<(typeof limits)[number] | undefined>(
      (best, limit) => (best === undefined || limit.max < best.max ? limit : best),
      undefined,
    );
    if (!strictest || group.units <= strictest.max) continue;
    const values = {
      code: group.code,
      units: group.units,
      date: group.date,
      max: strictest.max,
      period: strictest.period,
    };
    findings.push({
      rule: 'frequency',
      severity: 'warning',
      lines: group.lines,
      codes: [group.code],
      message: t(lang, 'finding.frequencyExceeded', values),
      fix: t(lang, 'finding.frequencyFix', values),
      citations: [strictest.citation],
    });
  }
  return findings;
}
