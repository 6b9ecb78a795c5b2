import type { ClaimLine } from '../claims/claim-types.ts';
import { dayOf } from '../domain/day.ts';
import { mueCounting, mueExcess } from '../domain/mue-verdict.ts';
import { t } from '../i18n/translate.ts';
import type { CheckContext } from './check-context.ts';
import type { MueEntry } from './edit-index.ts';
import { coversCode } from './edit-releases.ts';
import type { Finding } from './finding.ts';

/**
 * Medically unlikely edits, the MUE that speaks for the line's date (release precedence, as for
 * PTP): counted per line or per date as its adjudication indicator says (mue-verdict.ts).
 */
export function mueRule(context: CheckContext): Finding[] {
  const { claim, index } = context;
  const findings: Finding[] = [];
  const groups = new Map<string, DateGroup>();
  const untold: Untold = { noData: new Map(), uncovered: new Map() };
  claim.lines.forEach((line, at) => {
    const id = index.codeId(line.code);
    const day = dayOf(line.dateOfService);
    const entry = id === undefined ? null : index.mueInForce(claim.setting, id, day);
    if (!entry) {
      noteUntold(untold, context, line, at, day);
      return;
    }
    if (mueCounting(entry.adjudication) === 'per-line') {
      if (mueExcess(entry.value, line.units) > 0)
        findings.push(exceeded(context, entry, [at], line.code, line.units));
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
      findings.push(exceeded(context, group.entry, group.lines, key.split('|')[0]!, group.units));
    }
  }
  pushGapWarnings(findings, untold, context);
  return findings;
}

/** The lines of one code on one date, whose units count together (per-date adjudication). */
interface DateGroup {
  entry: MueEntry;
  lines: number[];
  units: number;
}

/** Lines whose units the library cannot judge, per date: gathered per line, said per date. */
interface Untold {
  /** No MUE release in force for the setting on the date. */
  noData: Map<string, number[]>;
  /** The releases in force do not cover these codes. */
  uncovered: Map<string, { lines: number[]; codes: Set<string> }>;
}

function noteUntold(
  untold: Untold,
  { claim, index }: CheckContext,
  line: ClaimLine,
  at: number,
  day: number,
): void {
  const releases = index.mueReleasesOn(claim.setting, day);
  const date = line.dateOfService;
  if (releases.length === 0) untold.noData.set(date, [...(untold.noData.get(date) ?? []), at]);
  else if (!coversCode(releases, line.code)) {
    const gap = untold.uncovered.get(date) ?? { lines: [], codes: new Set<string>() };
    gap.lines.push(at);
    gap.codes.add(line.code);
    untold.uncovered.set(date, gap);
  }
}

function pushGapWarnings(
  findings: Finding[],
  { noData, uncovered }: Untold,
  { claim, lang }: CheckContext,
): void {
  for (const [date, lines] of noData) {
    findings.push(
      gapWarning(lines, [], t(lang, 'verdict.mueNoData', { setting: claim.setting, date })),
    );
  }
  for (const [date, gap] of uncovered) {
    const codes = [...gap.codes].sort();
    findings.push(
      gapWarning(
        gap.lines,
        codes,
        t(lang, 'verdict.mueUncovered', { setting: claim.setting, date, codes: codes.join(', ') }),
      ),
    );
  }
}

function gapWarning(lines: number[], codes: string[], message: string): Finding {
  return { rule: 'mue', severity: 'warning', lines, codes, message, citations: [] };
}

function exceeded(
  { index, lang }: CheckContext,
  entry: MueEntry,
  lines: number[],
  code: string,
  units: number,
): Finding {
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
