import type { PerformanceReport } from '../../../../src/contracts/performance.ts';
import { Link } from '../../app/router.tsx';
import { cardHref } from '../../components/code-links.ts';
import { useLocale } from '../../i18n/locale-context.tsx';
import { KpiTiles } from './KpiTiles.tsx';
import { PerfTable } from './PerfTable.tsx';
import {
  formatCount,
  formatDay,
  formatInstant,
  formatLatency,
  formatList,
  formatScore,
  formatShare,
} from './performance-format.ts';
import { TrendChart } from './TrendChart.tsx';

/** The rules a claim check applies (README, "What a claim check finds"). */
const knownRules = [
  'code-validity',
  'ptp',
  'mue',
  'add-on',
  'modifier',
  'medical-necessity',
  'frequency',
  'duplicate',
];

/** Where an action to add a document goes: the library's upload panel, naming the gap. */
export const addDocumentHref = (key: string) => `/library?gap=${encodeURIComponent(key)}`;

/** Questions asked: the tiles and the answered/refused series. */
export function AnswersSection({ report }: { report: PerformanceReport }) {
  const { t, locale } = useLocale();
  const { answers, range } = report;
  const count = (n: number) => formatCount(n, locale);
  const of = (part: number, total: number) =>
    t('performance.kpi.ofTotal', { part: count(part), total: count(total) });
  return (
    <section className="perf-section" aria-labelledby="perf-answers">
      <h2 id="perf-answers">{t('performance.answers.heading')}</h2>
      <KpiTiles
        tiles={[
          {
            key: 'questions',
            label: t('performance.kpi.questions'),
            value: count(answers.totals.questions),
          },
          {
            key: 'answered',
            label: t('performance.kpi.shareAnswered'),
            value: formatShare(answers.totals.shareAnswered, locale),
            detail: of(answers.totals.answered, answers.totals.questions),
          },
          {
            key: 'refused',
            label: t('performance.kpi.shareRefused'),
            value: formatShare(answers.totals.shareRefused, locale),
            detail: of(answers.totals.refused, answers.totals.questions),
          },
          {
            key: 'feedback',
            label: t('performance.kpi.feedback'),
            value: formatScore(answers.feedback.score, locale),
            detail: t('performance.kpi.feedbackDetail', {
              up: count(answers.feedback.up),
              down: count(answers.feedback.down),
            }),
          },
          {
            key: 'p50',
            label: t('performance.kpi.latencyP50'),
            value: formatLatency(answers.latencyMs.p50, locale),
          },
          {
            key: 'p95',
            label: t('performance.kpi.latencyP95'),
            value: formatLatency(answers.latencyMs.p95, locale),
          },
        ]}
      />
      <TrendChart
        caption={t('performance.chart.questions', { granularity: range.granularity })}
        summary={t('performance.chart.questionsSummary', {
          answered: count(answers.totals.answered),
          refused: count(answers.totals.refused),
          from: formatDay(range.from, locale),
          to: formatDay(range.to, locale),
        })}
        periods={answers.periods.map((p) => p.period)}
        granularity={range.granularity}
        series={[
          {
            label: t('performance.series.answered'),
            values: answers.periods.map((p) => p.answered),
            colorVar: '--ok',
            fallbackColor: '#1a7f37',
          },
          {
            label: t('performance.series.refused'),
            values: answers.periods.map((p) => p.refused),
            colorVar: '--error',
            fallbackColor: '#b42318',
            dashed: true,
          },
        ]}
      />
    </section>
  );
}

/** Claims checked: the tiles, the checked/with-errors series and the top-10 lists. */
export function ChecksSection({ report }: { report: PerformanceReport }) {
  const { t, locale } = useLocale();
  const { checks, range } = report;
  const count = (n: number) => formatCount(n, locale);
  const rules = Object.entries(checks.findingsByRule).sort((a, b) => b[1] - a[1]);
  const ruleName = (rule: string) =>
    knownRules.includes(rule) ? t(`performance.rule.${rule}`) : rule;
  const codeLink = (code: string) => (
    <Link href={cardHref(code)} dir="ltr">
      {code}
    </Link>
  );
  const countColumn = { label: t('performance.list.count'), numeric: true };
  return (
    <section className="perf-section" aria-labelledby="perf-checks">
      <h2 id="perf-checks">{t('performance.checks.heading')}</h2>
      <KpiTiles
        tiles={[
          {
            key: 'claims',
            label: t('performance.kpi.claims'),
            value: count(checks.totals.claims),
            detail: t('performance.kpi.claimLines', { lines: count(checks.totals.lines) }),
          },
          {
            key: 'withErrors',
            label: t('performance.kpi.shareWithErrors'),
            value: formatShare(checks.totals.shareWithErrors, locale),
            detail: t('performance.kpi.ofTotal', {
              part: count(checks.totals.claimsWithErrors),
              total: count(checks.totals.claims),
            }),
          },
          {
            key: 'denials',
            label: t('performance.kpi.denials'),
            value: count(checks.totals.denialsPrevented),
            detail: t('performance.kpi.denialsDetail'),
          },
        ]}
      />
      <TrendChart
        caption={t('performance.chart.claims', { granularity: range.granularity })}
        summary={t('performance.chart.claimsSummary', {
          claims: count(checks.totals.claims),
          withErrors: count(checks.totals.claimsWithErrors),
          from: formatDay(range.from, locale),
          to: formatDay(range.to, locale),
        })}
        periods={checks.periods.map((p) => p.period)}
        granularity={range.granularity}
        series={[
          {
            label: t('performance.series.claims'),
            values: checks.periods.map((p) => p.claims),
            colorVar: '--accent',
            fallbackColor: '#0a58ca',
          },
          {
            label: t('performance.series.withErrors'),
            values: checks.periods.map((p) => p.claimsWithErrors),
            colorVar: '--error',
            fallbackColor: '#b42318',
            dashed: true,
          },
        ]}
      />
      <div className="perf-lists">
        <div>
          <h3>{t('performance.rules.heading')}</h3>
          <PerfTable
            caption={t('performance.rules.caption')}
            columns={[{ label: t('performance.rules.rule') }, countColumn]}
            rows={rules.map(([rule, n]) => ({ key: rule, cells: [ruleName(rule), count(n)] }))}
            empty={t('performance.rules.empty')}
          />
        </div>
        <div>
          <h3>{t('performance.pairs.heading')}</h3>
          <PerfTable
            caption={t('performance.pairs.caption')}
            columns={[
              { label: t('performance.pairs.column1') },
              { label: t('performance.pairs.column2') },
              countColumn,
            ]}
            rows={checks.topPairs.map((p) => ({
              key: p.pair,
              cells: [codeLink(p.column1), codeLink(p.column2), count(p.count)],
            }))}
            empty={t('performance.pairs.empty')}
          />
        </div>
        <div>
          <h3>{t('performance.codes.heading')}</h3>
          <PerfTable
            caption={t('performance.codes.caption')}
            columns={[{ label: t('performance.codes.code') }, countColumn]}
            rows={checks.topCodes.map((c) => ({
              key: c.code,
              cells: [codeLink(c.code), count(c.count)],
            }))}
            empty={t('performance.codes.empty')}
          />
        </div>
      </div>
    </section>
  );
}

/** What the library lacks: refused questions, out-of-date datasets, codes without coverage. */
export function LibrarySection({ report }: { report: PerformanceReport }) {
  const { t, locale } = useLocale();
  const { gaps, freshness, coverage } = report.library;
  const count = (n: number) => formatCount(n, locale);
  const addLink = (key: string, label: string) => (
    <Link href={addDocumentHref(key)} className="perf-action">
      {label}
      <span className="visually-hidden">: {key}</span>
    </Link>
  );
  return (
    <section className="perf-section" aria-labelledby="perf-library">
      <h2 id="perf-library">{t('performance.library.heading')}</h2>

      <h3>{t('performance.gaps.heading')}</h3>
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
            addLink(gap.key, t('performance.gaps.add')),
          ],
        }))}
        empty={t('performance.gaps.empty')}
      />

      <h3>{t('performance.freshness.heading')}</h3>
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

      <h3>{t('performance.coverage.heading')}</h3>
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
            addLink(c.code, t('performance.gaps.add')),
          ],
        }))}
        empty={t('performance.coverage.empty')}
      />
    </section>
  );
}
