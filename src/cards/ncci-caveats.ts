import { dayOf } from '../domain/day.ts';
import { releaseStaleness } from '../domain/release-staleness.ts';
import type { LocaleCode } from '../i18n/locales.ts';
import { t } from '../i18n/translate.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { editIndexFor } from '../rules/edit-index-cache.ts';
import { coverageHolds } from '../rules/edit-index.ts';
import { ptpScopeText } from '../rules/ptp-scope-text.ts';
import type { CardGap } from './card-types.ts';

/**
 * What the card's NCCI sections cannot tell for a procedure code on the date: no PTP or MUE
 * release of the setting in force, a partial release that does not cover the code, or a
 * release older than the date calls for. Said beside the sections, so an empty bundling
 * section is never read as "no edits".
 */
export async function ncciCaveats(
  ctx: LibraryContext,
  code: string,
  setting: string,
  dos: string,
  lang: LocaleCode,
): Promise<CardGap[]> {
  const edits = await editIndexFor(ctx);
  const day = dayOf(dos);
  const gaps: CardGap[] = [];
  const ptp = edits.ptpReleasesOn(setting, day);
  if (ptp.length === 0) {
    gaps.push({
      section: 'bundling',
      message: t(lang, 'verdict.pairNoData', { setting, date: dos }),
    });
  } else if (!ptp.some((r) => coverageHolds(r.coverage, code))) {
    gaps.push({
      section: 'bundling',
      message: t(lang, 'verdict.pairUncovered', {
        setting,
        date: dos,
        scope: ptpScopeText(edits, setting, day, lang),
        codes: code,
      }),
    });
  }
  const newest = ptp[0];
  if (newest && releaseStaleness({ ...newest, label: null, dos }).stale) {
    const source = edits.sources[newest.source]!;
    gaps.push({
      section: 'bundling',
      message: t(lang, 'validity.stale', {
        system: 'NCCI PTP',
        release: source.version ?? source.title,
        date: dos,
      }),
    });
  }
  const mue = edits.mueReleasesOn(setting, day);
  const newestMue = mue[0];
  if (newestMue && releaseStaleness({ ...newestMue, label: null, dos }).stale) {
    const source = edits.sources[newestMue.source]!;
    gaps.push({
      section: 'reporting',
      message: t(lang, 'validity.stale', {
        system: 'NCCI MUE',
        release: source.version ?? source.title,
        date: dos,
      }),
    });
  }
  if (mue.length === 0 || !mue.some((r) => coverageHolds(r.coverage, code))) {
    gaps.push({
      section: 'reporting',
      message: t(lang, 'verdict.mueMissing', {
        code,
        date: dos,
        setting,
        why: mue.length === 0 ? 'noData' : 'partial',
      }),
    });
  }
  return gaps;
}
