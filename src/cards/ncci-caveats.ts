import { dayOf } from '../domain/day.ts';
import type { LocaleCode } from '../domain/locale.ts';
import { t } from '../i18n/translate.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { editReleasesFor } from '../rules/edit-index-cache.ts';
import { coversCode } from '../rules/edit-releases.ts';
import { ptpScopeText, staleNcciText } from '../rules/ptp-scope-text.ts';
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
  const edits = await editReleasesFor(ctx);
  const day = dayOf(dos);
  const gaps: CardGap[] = [];
  const add = (section: CardGap['section'], message: string | null) => {
    if (message) gaps.push({ section, message });
  };
  const ptp = edits.ptpReleasesOn(setting, day);
  if (ptp.length === 0) add('bundling', t(lang, 'verdict.pairNoData', { setting, date: dos }));
  else if (!coversCode(ptp, code)) {
    const scope = ptpScopeText(edits, setting, day, lang);
    add('bundling', t(lang, 'verdict.pairUncovered', { setting, date: dos, scope, codes: code }));
  }
  add('bundling', staleNcciText(edits, ptp[0], 'NCCI PTP', dos, lang));
  const mue = edits.mueReleasesOn(setting, day);
  add('reporting', staleNcciText(edits, mue[0], 'NCCI MUE', dos, lang));
  if (!coversCode(mue, code)) {
    const why = mue.length === 0 ? 'noData' : 'partial';
    add('reporting', t(lang, 'verdict.mueMissing', { code, date: dos, setting, why }));
  }
  return gaps;
}
