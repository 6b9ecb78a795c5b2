import { isoOf, NEVER_AFTER, NEVER_BEFORE } from '../../domain/day.ts';
import type { LocaleCode } from '../../domain/locale.ts';
import { t } from '../../i18n/translate.ts';
import type { PtpEdit } from '../../rules/ptp-pair.ts';

/**
 * A PTP row in CMS's own terms: column 1, column 2, the modifier indicator, the rationale as the
 * file states it, and the days the row is in force.
 */
export function describeEdit(edit: PtpEdit, lang: LocaleCode): string {
  const { from, until } = edit.period;
  return t(lang, 'verdict.pairEdit', {
    column1: edit.column1,
    column2: edit.column2,
    indicator: String(edit.indicator),
    rationale: edit.rationale ?? 'none',
    from: from === NEVER_BEFORE ? 'open' : isoOf(from),
    to: until === NEVER_AFTER ? 'open' : isoOf(until - 1),
  });
}
