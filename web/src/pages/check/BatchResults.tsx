import { useEffect, useRef, useState } from 'react';
import { useLocale } from '../../i18n/locale-context.tsx';
import { FindingsReport } from './FindingsReport.tsx';
import type { BatchJob, BatchSummary } from '../../../../src/contracts/check-jobs.ts';
import type { ClaimResult } from '../../../../src/contracts/checks.ts';
import { SummaryCounts } from './FindingParts.tsx';

/** Claims rendered at a time: a batch of thousands stays quick to show and to read. */
export const PAGE_CLAIMS = 200;

/** A finished batch: its counts, the downloads, and its claims a page at a time. */
export function BatchResults({
  job,
  summary,
  results,
  onlyFindings,
  onOnlyFindings,
}: {
  job: BatchJob;
  summary: BatchSummary;
  results: ClaimResult[] | null;
  onlyFindings: boolean;
  onOnlyFindings: (only: boolean) => void;
}) {
  const { t } = useLocale();
  const [shown, setShown] = useState(PAGE_CLAIMS);
  // Optional: the CSV gains each code's Medicare fees in this locality (the server resolves it).
  const [feeLocality, setFeeLocality] = useState('');
  const locality = feeLocality.trim();
  const csvHref = `/api/checks/batch/${job.id}/results?format=csv${
    locality ? `&fee-locality=${encodeURIComponent(locality)}` : ''
  }`;
  const heading = useRef<HTMLHeadingElement>(null);
  // Results that arrive move the focus to their heading (the drop zone was where it was).
  useEffect(() => {
    if (results) heading.current?.focus();
  }, [results]);

  return (
    <div className="batch-done">
      <h3 id="batch-results-heading" ref={heading} tabIndex={-1}>
        {t('check.batch.resultsHeading', { file: job.fileName })}
      </h3>
      <SummaryCounts summary={summary} />
      <div className="batch-fee-locality no-print">
        <label htmlFor="batch-fee-locality">{t('check.export.feeLocality')}</label>
        <input
          id="batch-fee-locality"
          value={feeLocality}
          onChange={(event) => setFeeLocality(event.target.value)}
          autoComplete="off"
          maxLength={200}
          aria-describedby="batch-fee-locality-hint"
        />
        <span id="batch-fee-locality-hint" className="field-hint">
          {t('check.export.feeLocalityHint')}
        </span>
      </div>
      <p className="report-actions">
        <a className="button-link" href={csvHref} download={`checks-${job.id}.csv`}>
          {t('check.export.csv')}
        </a>
        <a
          className="button-link secondary"
          href={`/api/checks/batch/${job.id}/results?format=json`}
          download={`checks-${job.id}.json`}
        >
          {t('check.export.json')}
        </a>
      </p>
      {results && (
        <ClaimPages
          results={onlyFindings ? results.filter((r) => r.findings.length > 0) : results}
          shown={shown}
          onShowMore={() => setShown((n) => n + PAGE_CLAIMS)}
          onlyFindings={onlyFindings}
          onOnlyFindings={(only) => {
            onOnlyFindings(only);
            setShown(PAGE_CLAIMS);
          }}
        />
      )}
    </div>
  );
}

/** The claims shown so far, the "only claims with findings" filter and "show more". */
function ClaimPages({
  results,
  shown,
  onShowMore,
  onlyFindings,
  onOnlyFindings,
}: {
  results: ClaimResult[];
  shown: number;
  onShowMore: () => void;
  onlyFindings: boolean;
  onOnlyFindings: (only: boolean) => void;
}) {
  const { t } = useLocale();
  const visible = results.slice(0, shown);
  const total = results.length;
  return (
    <>
      <div className="report-filter">
        <input
          id="only-findings"
          type="checkbox"
          checked={onlyFindings}
          onChange={(e) => onOnlyFindings(e.target.checked)}
        />
        <label htmlFor="only-findings">{t('check.batch.onlyFindings')}</label>
      </div>
      <p className="muted">{t('check.batch.showing', { shown: visible.length, total })}</p>
      <FindingsReport results={visible} level={4} idPrefix="batch-claim" />
      {visible.length < total && (
        <button type="button" className="secondary" onClick={onShowMore}>
          {t('check.batch.showMore', {
            count: Math.min(PAGE_CLAIMS, total - visible.length),
          })}
        </button>
      )}
    </>
  );
}
