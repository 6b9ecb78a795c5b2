import type { PerformanceReport } from '../../../../src/contracts/performance.ts';
import { Link } from '../../app/router.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import { PerfTable } from './PerfTable.tsx';
import { formatCount, formatList } from './performance-format.ts';
import { formatDay, formatInstant } from '../../i18n/format-date.ts';

type LibraryMeasures = PerformanceReport['library'];

/** Where an action to add a document goes: the library's upload panel, naming the gap. */
export const addDocumentHref = (key: string) => `/library?gap=${encodeURIComponent(key)}`;

/** What the library lacks: refused questions, out-of-date datasets, codes without coverage. */
export function LibrarySection({ report }: { report: PerformanceReport }) {
  const { t } = useLocale();
  const { gaps, freshness, coverage } = report.library;
  return (
    <section className="perf-section" aria-labelledby="perf-library">
      <h2 id="perf-library">{t('performance.library.heading')}</h2>
      <h3>{t('performance.gaps.heading')}</h3>
      <GapsTable gaps={gaps} />
      <h3>{t('performance.freshness.heading')}</h3>
      <FreshnessTable freshness={freshness} />
      <h3>{t('performance.coverage.heading')}</h3>
      <CoverageTable coverage={coverage} />
    </section>
  );
}

/** "Add a document" for a gap, naming it for screen readers. */
function AddDocumentLink({ gapKey, label }: { gapKey: string; label: string }) {
  return (
    <Link href={addDocumentHref(gapKey)} className="perf-action">
      {label}
      <span className="visually-hidden">: {gapKey}</span>
    </Link>
  );
}

/** Questions refused for lack of material, by code or term. */
function GapsTable({ gaps }: { gaps: LibraryMeasures['gaps'] }) {
  const { t, locale } = useLocale();
  const count = (n: number) => formatCount(n, locale);
  return (
    <PerfTable
      className="perf-gaps perf-wide"
      caption={t('performance.gaps.caption')}
      columns={[
        { label: t('performance.gaps.key') },
        { label: t('performance.gaps.count'), numeric: true },
        { label: t('performance.gaps.lastSeen') },
        { label: t('performance.gaps.example') },
        { label: t('performance.gaps.action') },
      ]}
      rows={gaps.map((gap) => ({
        key: `${gap.kind}:${gap.key}`,
        cells: [
          <>
            <span dir="auto" className="perf-gap-key">
              {gap.key}
            </span>{' '}
            <span className="perf-kind">{t(`performance.gaps.kind.${gap.kind}`)}</span>
          </>,
          count(gap.count),
          formatInstant(gap.lastSeen, locale),
          <q dir="auto">{gap.example}</q>,
          <AddDocumentLink gapKey={gap.key} label={t('performance.gaps.add')} />,
        ],
      }))}
      empty={t('performance.gaps.empty')}
    />
  );
}

/** Datasets older than their publication cycle, or whose period has ended. */
function FreshnessTable({ freshness }: { freshness: LibraryMeasures['freshness'] }) {
  const { t, locale } = useLocale();
  return (
    <PerfTable
      className="perf-wide"
      caption={t('performance.freshness.caption')}
      columns={[
        { label: t('performance.freshness.dataset') },
        { label: t('performance.freshness.effective') },
        { label: t('performance.freshness.reason') },
        { label: t('performance.gaps.action') },
      ]}
      rows={freshness.map((dataset) => ({
        key: String(dataset.documentId),
        cells: [
          <Link href={`/library/${dataset.documentId}`} dir="auto">
            {dataset.title}
          </Link>,
          dataset.effectiveFrom
            ? formatDay(dataset.effectiveFrom, locale)
            : t('performance.notStated'),
          dataset.reason === 'older-than-current-quarter'
            ? t('performance.freshness.quarter')
            : dataset.reason === 'older-than-current-release'
              ? t('performance.freshness.cycle', {
                  release: dataset.releasePeriod ?? '',
                  period: dataset.currentPeriod ?? '',
                })
              : t('performance.freshness.ended', {
                  date: dataset.effectiveTo ? formatDay(dataset.effectiveTo, locale) : '',
                }),
          <Link href="/library" className="perf-action">
            {t('performance.freshness.add')}
            <span className="visually-hidden">: {dataset.title}</span>
          </Link>,
        ],
      }))}
      empty={t('performance.freshness.empty')}
    />
  );
}

/** Codes asked about that lack a descriptor, edits or guidance. */
function CoverageTable({ coverage }: { coverage: LibraryMeasures['coverage'] }) {
  const { t, locale } = useLocale();
  const count = (n: number) => formatCount(n, locale);
  return (
    <PerfTable
      className="perf-wide"
      caption={t('performance.coverage.caption')}
      columns={[
        { label: t('performance.coverage.code') },
        { label: t('performance.coverage.asked'), numeric: true },
        { label: t('performance.coverage.missing') },
        { label: t('performance.gaps.action') },
      ]}
      rows={coverage.map((c) => ({
        key: c.code,
        cells: [
          <span dir="ltr">{c.code}</span>,
          count(c.asked),
          formatList(
            c.missing.map((m) => t(`performance.missing.${m}`)),
            locale,
          ),
          <AddDocumentLink gapKey={c.code} label={t('performance.gaps.add')} />,
        ],
      }))}
      empty={t('performance.coverage.empty')}
    />
  );
}
