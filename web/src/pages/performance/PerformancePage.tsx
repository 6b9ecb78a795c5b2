import type { PerformanceReport } from '../../../../src/contracts/performance.ts';
import { useApi } from '../../api/use-api.ts';
import { navigate, useLocation } from '../../app/router.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import { rangeSearch, requestedRange, withSearch } from './performance-format.ts';
import { RangeForm } from './RangeForm.tsx';
import { AnswersSection } from './AnswersSection.tsx';
import { ChecksSection } from './ChecksSection.tsx';
import { LibrarySection } from './LibrarySection.tsx';
import { WatchListPanel } from './WatchListPanel.tsx';
import { ReleaseSyncPanel } from './ReleaseSyncPanel.tsx';
import './performance.css';
import { formatDay } from '../../i18n/format-date.ts';

/**
 * The Performance dashboard (issue 7): how questions and claim checks went over a range of days
 * and what the library lacks. The range lives in the address (`?from=&to=&granularity=`); without
 * one the API's default applies (the last 30 days, by day).
 */
export function PerformancePage() {
  const { t, locale } = useLocale();
  const { query } = useLocation();
  const search = rangeSearch(requestedRange(query));
  // The previous report stays on screen (marked busy, or beside the error) until a new one comes.
  const load = useApi<PerformanceReport>(withSearch('/api/performance', search), {
    keepDataOnError: true,
  });
  const report = load.data;
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
        {load.loading ? t('performance.loading') : (showing ?? '')}
      </p>
      {load.error && <LoadError message={load.error.message} onRetry={load.reload} />}

      <WatchListPanel />
      {report && (
        <div className="perf-report" aria-busy={load.loading}>
          <AnswersSection report={report} />
          <ChecksSection report={report} />
          <LibrarySection report={report} />
        </div>
      )}
      <ReleaseSyncPanel />
    </div>
  );
}
