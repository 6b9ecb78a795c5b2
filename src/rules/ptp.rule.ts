import { t } from '../i18n/translate.ts';
import type { CheckContext } from './check-context.ts';
import { dayNumber, type PtpEntry } from './edit-index.ts';
import type { Finding } from './finding.ts';
import { bypassingModifier } from './ncci-modifiers.ts';

/**
 * NCCI procedure-to-procedure edits between every two lines of the same date (and the same
 * provider when both name one). Indicator 0: an error on the column 2 line, whatever the
 * modifiers. Indicator 1: an error unless an NCCI-associated modifier is on either line, in
 * which case an info finding says the record must support a distinct service. Indicator 9: none.
 */
export function ptpRule({ claim, index, lang }: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const lines = claim.lines;
  // Each line's interned code once, not once per pair.
  const ids = lines.map((line) => index.codeId(line.code));
  for (let i = 0; i < lines.length; i++) {
    const idA = ids[i];
    if (idA === undefined) continue;
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i]!;
      const b = lines[j]!;
      const idB = ids[j];
      if (idB === undefined || a.dateOfService !== b.dateOfService || a.code === b.code) continue;
      if (a.provider && b.provider && a.provider !== b.provider) continue;
      const dos = dayNumber(a.dateOfService);
      for (const edit of index.ptpEdits(claim.setting, idA, idB)) {
        if (dos < edit.from || dos >= edit.until || edit.indicator === 9) continue;
        const column2Line = index.code(edit.column2) === a.code ? i : j;
        const finding = ptpFinding(edit, column2Line, i, j, ctxCodes(index, edit), lang, index);
        if (finding) findings.push(finding);
      }
    }
  }
  return findings;

  function ctxCodes(ix: typeof index, edit: PtpEntry) {
    return { column1: ix.code(edit.column1), column2: ix.code(edit.column2) };
  }

  function ptpFinding(
    edit: PtpEntry,
    column2Line: number,
    i: number,
    j: number,
    codes: { column1: string; column2: string },
    locale: typeof lang,
    ix: typeof index,
  ): Finding | null {
    const source = ix.sources[edit.source]!;
    const citations = [{ ...source, locator: edit.locator }];
    const both = [i, j].sort((x, y) => x - y);
    if (edit.indicator === 0) {
      return {
        rule: 'ptp',
        severity: 'error',
        lines: [column2Line],
        codes: [codes.column1, codes.column2],
        message: t(locale, 'finding.ptpNotAllowed', codes),
        citations,
      };
    }
    const modifier =
      bypassingModifier(lines[i]!.code, lines[i]!.modifiers) ??
      bypassingModifier(lines[j]!.code, lines[j]!.modifiers);
    if (modifier) {
      return {
        rule: 'ptp',
        severity: 'info',
        lines: both,
        codes: [codes.column1, codes.column2],
        modifiers: [modifier],
        message: t(locale, 'finding.ptpBypassed', { ...codes, modifier }),
        citations,
      };
    }
    return {
      rule: 'ptp',
      severity: 'error',
      lines: [column2Line],
      codes: [codes.column1, codes.column2],
      message: t(locale, 'finding.ptpModifierRequired', codes),
      fix: t(locale, 'finding.ptpModifierFix', codes),
      citations,
    };
  }
}
