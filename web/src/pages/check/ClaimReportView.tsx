import { forwardRef } from 'react';
import { useLocale } from '../../i18n/locale-context.tsx';
import { checkCsv, safeFilePart } from './check-csv.ts';
import { downloadText } from './download-text.ts';
import { FindingsReport } from './FindingsReport.tsx';
import type { ClaimReport } from './use-claim-check.ts';

/** The typed claim's findings, with a CSV download of them (busy while a new check runs). */
export const ClaimReportView = forwardRef<
  HTMLHeadingElement,
  { report: ClaimReport; busy: boolean }
>(function ClaimReportView({ report, busy }, ref) {
  const { t } = useLocale();
  return (
    <div className="check-report" aria-busy={busy}>
      <h3 id="claim-results-heading" ref={ref} tabIndex={-1}>
        {t('check.results.heading')}
      </h3>
      <p className="report-actions">
        <button
          type="button"
          className="secondary"
          onClick={() =>
            downloadText(
              `check-${safeFilePart(report.results[0]?.id ?? 'claim')}.csv`,
              checkCsv(report.results),
            )
          }
        >
          {t('check.export.csv')}
        </button>
      </p>
      <FindingsReport
        results={report.results}
        lineLabels={report.labels}
        level={4}
        idPrefix="claim-result"
      />
    </div>
  );
});
