import { useEffect, useRef, useState } from 'react';
import { postJson } from '../../api/client.ts';
import { useLocation } from '../../app/router.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import { BatchCheck } from './BatchCheck.tsx';
import { checkCsv, safeFilePart } from './check-csv.ts';
import { downloadText } from './download-text.ts';
import type { CheckResponse, ClaimResult, LineLabels } from './check-types.ts';
import { ClaimForm } from './ClaimForm.tsx';
import {
  claimPayload,
  emptyClaim,
  exampleClaim,
  lineLabels,
  validateClaim,
  type ClaimDraft,
  type FieldProblems,
  type JsonClaim,
} from './claim-form.ts';
import { FindingsReport, summaryText } from './FindingsReport.tsx';
import './check.css';

interface Report {
  payload: { claims: JsonClaim[] };
  results: ClaimResult[];
  labels: LineLabels;
  /** The language the server wrote the messages in. */
  lang: string;
}

/** Claim check: type a claim's lines or drop a claim file; findings per claim and line. */
export function CheckPage() {
  const { t, locale } = useLocale();
  const { query } = useLocation();
  const [draft, setDraft] = useState<ClaimDraft>(emptyClaim);
  const [problems, setProblems] = useState<FieldProblems>(() => new Map());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const problemSummary = useRef<HTMLDivElement>(null);
  /** Set by a submitted check: once its findings are on the page, their heading takes focus. */
  const focusResults = useRef(false);

  const focusProblems = useRef(false);
  useEffect(() => {
    if (focusProblems.current) {
      focusProblems.current = false;
      problemSummary.current?.focus();
    }
  }, [problems]);

  useEffect(() => {
    if (report && focusResults.current) {
      focusResults.current = false;
      resultsHeading.current?.focus();
    }
  }, [report]);

  const run = async (payload: { claims: JsonClaim[] }, lang: string, moveFocus: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const response = await postJson<CheckResponse>(`/api/checks?lang=${lang}`, payload);
      setReport({ payload, results: response.claims, labels: lineLabels(payload), lang });
      const first = response.claims[0];
      setAnnouncement(
        first ? t('check.results.done', { summary: summaryText(first.summary, t, locale) }) : '',
      );
      focusResults.current = moveFocus;
    } catch (failure) {
      setReport(null);
      setAnnouncement('');
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  // The findings' wording comes from the server in one language: a new language asks again.
  useEffect(() => {
    if (report && report.lang !== locale && !busy) void run(report.payload, locale, false);
  }, [locale]);

  const submit = () => {
    const found = validateClaim(draft);
    setProblems(found);
    if (found.size > 0) {
      setAnnouncement('');
      focusProblems.current = true;
      return;
    }
    if (!busy) void run(claimPayload(draft), locale, true);
  };

  const firstProblem = [...problems.keys()][0];

  return (
    <div className="check-page">
      <h1>{t('check.title')}</h1>
      <p className="page-intro">{t('check.intro')}</p>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>

      <section className="check-section" aria-labelledby="claim-heading">
        <h2 id="claim-heading">{t('check.form.heading')}</h2>
        {problems.size > 0 && (
          <div ref={problemSummary} className="check-alert" role="alert" tabIndex={-1}>
            <p>{t('check.invalid.summary', { count: problems.size })}</p>
            {firstProblem && (
              <p>
                <a
                  href={`#${firstProblem}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(firstProblem)?.focus();
                  }}
                >
                  {t('check.invalid.goToFirst')}
                </a>
              </p>
            )}
          </div>
        )}
        <ClaimForm
          draft={draft}
          onChange={(next) => {
            setDraft(next);
            // A fixed field stops being flagged as soon as the claim is valid again.
            if (problems.size > 0) setProblems(validateClaim(next));
          }}
          problems={problems}
          busy={busy}
          onSubmit={submit}
          onExample={() => {
            setDraft(exampleClaim());
            setProblems(new Map());
          }}
          onClear={() => {
            setDraft(emptyClaim());
            setProblems(new Map());
            setReport(null);
            setError(null);
            setAnnouncement('');
          }}
        />

        {error && (
          <div className="check-alert" role="alert">
            <p>{t('check.error.check', { message: error })}</p>
          </div>
        )}

        {report && (
          <div className="check-report" aria-busy={busy}>
            <h3 id="claim-results-heading" ref={resultsHeading} tabIndex={-1}>
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
        )}
      </section>

      <BatchCheck resumeId={query.get('batch')} />
    </div>
  );
}
