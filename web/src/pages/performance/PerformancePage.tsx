import { useEffect, useState } from 'react';
import type { PerformanceReport } from '../../../../src/contracts/performance.ts';
import { api } from '../../api/client.ts';
import { navigate, useLocation } from '../../app/router.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import { formatDay, rangeSearch, requestedRange, withSearch } from './performance-format.ts';
import { RangeForm } from './RangeForm.tsx';
import { AnswersSection, ChecksSection, LibrarySection } from './sections.tsx';
import './performance.css';

type Load =
  | { state: 'loading'; report: PerformanceReport | null }
  | { state: 'done'; report: PerformanceReport }
  | { state: 'failed'; report: PerformanceReport | null; message: string };

/**
 * The Performance dashboard (issue 7): how questions and claim checks went over a range of days
 * and what the library lacks. The range lives in the address (`?from=&to=&granularity=`); without
 * one the API's default applies (the last 30 days, by day).
 */
export function PerformancePage() {
  const { t, locale } = useLocale();
  const { query } = useLocation();
  const search = rangeSearch(requestedRange(query));
  const [load, setLoad] = useState<Load>({ state: 'loading', report: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    // The previous report stays on screen (marked busy) until the new one arrives.
    setLoad((previous) => ({ state: 'loading', report: previous.report }));
    api<PerformanceReport>(withSearch('/api/performance', search)).then(
      (report) => {
        if (current) setLoad({ state: 'done', report });
      },
      (failure: unknown) => {
        if (current)
          setLoad((previous) => ({
            state: 'failed',
            report: previous.report,
            message: failure instanceof Error ? failure.message : String(failure),
          }));
      },
    );
    return () => {
      current = false;
    };
  }, [search, attempt]);

  const report = load.report;
  const requested = requestedRange(query);
  const shown = {
    from: requested.from ?? report?.range.from ?? '',
    to: requested.to ?? report?.range.to ?? '',
    granularity: requested.granularity ?? report?.range.granularity ?? 'day',
  };
  const showing =
    report &&
    t('performance.range.showing', {
      from: formatDay(report.range.from, locale),
      to: formatDay(report.range.to, locale),
      granularity: report.range.granularity,
    });

  return (
    <div className="performance-page">
      <h1>{t('shell.performance')}</h1>
      <p className="page-intro">{t('performance.intro')}</p>

      <div className="perf-toolbar">
        <RangeForm
          shown={shown}
          onApply={(range) => navigate(withSearch('/performance', rangeSearch(range)))}
        />
        {report && (
          <a
            className="perf-csv no-print"
            href={withSearch('/api/performance.csv', rangeSearch(report.range))}
            download
          >
            {t('performance.csv')}
          </a>
        )}
      </div>

      <p className="perf-showing" role="status" aria-live="polite">
        {load.state === 'loading' ? t('performance.loading') : (showing ?? '')}
      </p>
      {load.state === 'failed' && (
        <LoadError message={load.message} onRetry={() => setAttempt((n) => n + 1)} />
      )}

      {report && (
        <div className="perf-report" aria-busy={load.state === 'loading'}>
          <AnswersSection report={report} />
          <ChecksSection report={report} />
          <LibrarySection report={report} />
        </div>
      )}
    </div>
  );
}
