import type { LocaleCode } from '../domain/locale.ts';
import { t } from '../i18n/translate.ts';
import { releaseStaleness } from '../domain/release-staleness.ts';
import type { EditRelease, EditReleases } from './edit-releases.ts';

/**
 * The PTP releases of a setting that speak for a day, in words: each release's title and
 * version and what it covers (complete, a range of column 1 codes, or a number of them), so
 * "no edit found" always says where it looked.
 */
export function ptpScopeText(
  edits: EditReleases,
  setting: string,
  day: number,
  lang: LocaleCode,
): string {
  const releases = edits.ptpReleasesOn(setting, day);
  if (releases.length === 0) return t(lang, 'verdict.scopeNone', { setting });
  return releases
    .map((release) => {
      const source = edits.sources[release.source]!;
      const name = source.version ? `${source.title} ${source.version}` : source.title;
      const coverage = release.coverage;
      switch (coverage.kind) {
        case 'complete':
          return t(lang, 'verdict.scopeComplete', { release: name });
        case 'range':
          return t(lang, 'verdict.scopeRange', {
            release: name,
            first: coverage.first,
            last: coverage.last,
          });
        case 'set':
          return t(lang, 'verdict.scopeSet', { release: name, count: coverage.codes.size });
      }
    })
    .join('; ');
}

/**
 * "The library's NCCI PTP is the v32.2 release, older than 2026-11-02 calls for." for the newest
 * NCCI release speaking for the date when its quarter is older than the date's; else null.
 */
export function staleNcciText(
  edits: EditReleases,
  newest: EditRelease | undefined,
  dataset: 'NCCI PTP' | 'NCCI MUE',
  dos: string,
  lang: LocaleCode,
): string | null {
  if (!newest || !releaseStaleness({ ...newest, label: null, dos }).stale) return null;
  const source = edits.sources[newest.source]!;
  return t(lang, 'validity.stale', {
    system: dataset,
    release: source.version ?? source.title,
    date: dos,
  });
}
