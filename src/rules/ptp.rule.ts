import { dayOf } from '../domain/day.ts';
import type { ModifierMisuse, PtpVerdict } from '../domain/ptp-verdict.ts';
import type { LocaleCode } from '../domain/locale.ts';
import { camel } from '../i18n/select-key.ts';
import { t } from '../i18n/translate.ts';
import type { CheckContext } from './check-context.ts';
import type { Finding } from './finding.ts';
import { knowsCode } from './known-code.ts';
import { judgePair, type PtpEdit } from './ptp-pair.ts';
import { ptpScopeText } from './ptp-scope-text.ts';

/**
 * NCCI procedure-to-procedure edits between every two lines of the same date (and the same
 * provider when both name one), decided by `judgePair` (the verdict Ask gives too). Indicator 0:
 * an error on the column 2 line. Indicator 1: an error unless an NCCI-associated modifier is on
 * the line CMS names, then an info finding; a modifier in the wrong place adds a warning saying
 * why it does not count. What the library cannot tell (no PTP data for the date, codes outside a
 * partial release, codes no table knows) is said once per claim, as a warning.
 */
export function ptpRule(context: CheckContext): Finding[] {
  const { claim, index, reference, lang } = context;
  const findings: Finding[] = [];
  const lines = claim.lines;
  const knows = (code: string) => knowsCode(index, reference, code);
  const untold: Untold = { noData: new Set(), uncovered: new Map(), unknown: new Set() };
  // Each line's interned code once, not once per pair.
  const ids = lines.map((line) => index.codeId(line.code));
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i]!;
      const b = lines[j]!;
      if (a.dateOfService !== b.dateOfService || a.code === b.code) continue;
      if (a.provider && b.provider && a.provider !== b.provider) continue;
      const day = dayOf(a.dateOfService);
      const verdict = judgePair(index, knows, claim.setting, a, b, day, ids[i], ids[j]);
      switch (verdict.kind) {
        case 'not-allowed':
          findings.push(notAllowed(verdict.edit, verdict.edit.column2 === a.code ? i : j, lang));
          break;
        case 'modifier-required':
          findings.push(
            modifierRequired(verdict.edit, verdict.edit.column2 === a.code ? i : j, lang),
          );
          if (verdict.misuse) findings.push(misuse(verdict.edit, verdict.misuse, [i, j], lang));
          break;
        case 'bypassed':
          findings.push(bypassed(verdict.edit, verdict.modifier, [i, j], lang));
          break;
        case 'cannot-tell':
          noteUntold(untold, verdict, a.dateOfService);
          break;
        case 'not-applicable':
        case 'deleted':
        case 'no-edit':
          break;
      }
    }
  }
  pushScopeWarnings(findings, untold, context);
  return findings;
}

/** What the library could not tell about the claim's pairs: gathered per pair, said per claim. */
interface Untold {
  /** Dates with no PTP data in force for the setting. */
  noData: Set<string>;
  /** Per date, the codes a partial release does not cover. */
  uncovered: Map<string, Set<string>>;
  /** Codes no table knows. */
  unknown: Set<string>;
}

type CannotTell = Extract<PtpVerdict<PtpEdit>, { kind: 'cannot-tell' }>;

function noteUntold(untold: Untold, verdict: CannotTell, date: string): void {
  if (verdict.reason === 'unknown-code') verdict.codes.forEach((c) => untold.unknown.add(c));
  else if (verdict.reason === 'no-data') untold.noData.add(date);
  else {
    const codes = untold.uncovered.get(date) ?? new Set<string>();
    verdict.codes.forEach((c) => codes.add(c));
    untold.uncovered.set(date, codes);
  }
}

/** One warning per date without data, per date with uncovered codes, and for unknown codes. */
function pushScopeWarnings(
  findings: Finding[],
  { noData, uncovered, unknown }: Untold,
  { claim, index, lang }: CheckContext,
): void {
  const lines = claim.lines;
  const all = lines.map((_, at) => at);
  for (const date of noData) {
    findings.push(
      scopeWarning(t(lang, 'verdict.ptpNoData', { setting: claim.setting, date }), all, []),
    );
  }
  for (const [date, codes] of uncovered) {
    const scope = ptpScopeText(index, claim.setting, dayOf(date), lang);
    const list = [...codes].sort();
    findings.push(
      scopeWarning(
        t(lang, 'verdict.ptpUncovered', {
          setting: claim.setting,
          date,
          scope,
          codes: list.join(', '),
          count: list.length,
        }),
        linesOf(lines, list),
        list,
      ),
    );
  }
  if (unknown.size > 0) {
    const list = [...unknown].sort();
    findings.push(
      scopeWarning(
        t(lang, 'verdict.unknownCodes', { codes: list.join(', '), count: list.length }),
        linesOf(lines, list),
        list,
      ),
    );
  }
}

function linesOf(lines: readonly { code: string }[], codes: readonly string[]): number[] {
  return lines.flatMap((line, at) => (codes.includes(line.code) ? [at] : []));
}

function scopeWarning(message: string, lines: number[], codes: string[]): Finding {
  return { rule: 'ptp', severity: 'warning', lines, codes, message, citations: [] };
}

const pairCodes = (edit: PtpEdit) => ({ column1: edit.column1, column2: edit.column2 });

function notAllowed(edit: PtpEdit, line: number, lang: LocaleCode): Finding {
  return {
    rule: 'ptp',
    severity: 'error',
    lines: [line],
    codes: [edit.column1, edit.column2],
    message: t(lang, 'finding.ptpNotAllowed', pairCodes(edit)),
    citations: [edit.citation],
  };
}

function modifierRequired(edit: PtpEdit, line: number, lang: LocaleCode): Finding {
  return {
    rule: 'ptp',
    severity: 'error',
    lines: [line],
    codes: [edit.column1, edit.column2],
    message: t(lang, 'finding.ptpModifierRequired', pairCodes(edit)),
    fix: t(lang, 'finding.ptpModifierFix', pairCodes(edit)),
    citations: [edit.citation],
  };
}

function bypassed(edit: PtpEdit, modifier: string, lines: number[], lang: LocaleCode): Finding {
  return {
    rule: 'ptp',
    severity: 'info',
    lines,
    codes: [edit.column1, edit.column2],
    modifiers: [modifier],
    message: t(lang, 'finding.ptpBypassed', { ...pairCodes(edit), modifier }),
    citations: [edit.citation],
  };
}

function misuse(edit: PtpEdit, why: ModifierMisuse, lines: number[], lang: LocaleCode): Finding {
  return {
    rule: 'ptp',
    severity: 'warning',
    lines,
    codes: [edit.column1, edit.column2],
    modifiers: [why.modifier],
    message: t(lang, 'verdict.ptpModifierMisuse', {
      ...pairCodes(edit),
      modifier: why.modifier,
      why: camel(why.kind),
    }),
    citations: [edit.citation],
  };
}
