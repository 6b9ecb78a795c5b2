import type { Translate } from '../../i18n/locale-context.tsx';
import { isProse } from './library-types.ts';

import { formatDay } from '../../i18n/format-date.ts';
import { codeSystems } from '../../../../src/domain/code-system.ts';
import { type DocumentSummary, importKinds } from '../../../../src/contracts/library.ts';
import { settings } from '../../../../src/domain/setting.ts';

export function formatBytes(bytes: number, locale: string): string {
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / (1024 * 1024), 'megabyte']
      : bytes >= 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: unit === 'byte' ? 'narrow' : 'short',
    maximumFractionDigits: unit === 'byte' ? 0 : 1,
  }).format(value);
}

/** When a version is in force: "From 1 Jan 2026", "1 Jan 2026 to 31 Mar 2026", or not stated. */
export function effectivePeriod(
  doc: Pick<DocumentSummary, 'effectiveFrom' | 'effectiveTo'>,
  t: Translate,
  locale: string,
): string {
  const from = doc.effectiveFrom ? formatDay(doc.effectiveFrom, locale) : null;
  const to = doc.effectiveTo ? formatDay(doc.effectiveTo, locale) : null;
  if (from && to) return t('library.effective.range', { from, to });
  if (from) return t('library.effective.from', { from });
  if (to) return t('library.effective.until', { to });
  return t('library.effective.none');
}

const known = (list: readonly string[], value: string) => list.includes(value);

export const kindLabel = (kind: string, t: Translate): string =>
  known(importKinds, kind) ? t(`library.kind.${kind}`) : kind;

export const settingLabel = (setting: string | null, t: Translate): string =>
  setting === null
    ? t('library.setting.none')
    : known(settings, setting)
      ? t(`library.setting.${setting}`)
      : setting;

export const systemLabel = (system: string, t: Translate): string =>
  known(codeSystems, system) ? t(`library.system.${system}`) : system.toUpperCase();

/** "48 rows" for a table, "13 passages" for a prose document. */
export const countLabel = (doc: Pick<DocumentSummary, 'kind' | 'rowsStored'>, t: Translate) =>
  t(isProse(doc.kind) ? 'library.count.passages' : 'library.count.rows', {
    count: doc.rowsStored,
  });

/** A language code ("es") named in the reader's language ("Spanish", "espagnol"). */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
