import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { useLocale } from '../../i18n/locale-context.tsx';
import { FileDrop } from '../library/FileDrop.tsx';
import { settings, type BatchJob, type ClaimResult, type Setting } from './check-types.ts';
import { FindingsReport, SummaryCounts } from './FindingsReport.tsx';

export const POLL_MS = 500;
/** Claims rendered at a time: a batch of thousands stays quick to show and to read. */
export const PAGE_CLAIMS = 200;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The batch's address in the page URL, so a reload or a shared link finds the job again. */
function rememberJob(id: string | null) {
  const url = new URL(window.location.href);
  if (id) url.searchParams.set('batch', id);
  else url.searchParams.delete('batch');
  window.history.replaceState(window.history.state, '', url);
}

/** A claim file (JSON, NDJSON, CSV, X12 837) checked as a background job, with progress. */
export function BatchCheck({ resumeId }: { resumeId?: string | null }) {
  const { t, locale } = useLocale();
  const [setting, setSetting] = useState<Setting | ''>('');
  const [uploading, setUploading] = useState<string | null>(null);
  const [job, setJob] = useState<BatchJob | null>(null);
  const [results, setResults] = useState<ClaimResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE_CLAIMS);
  const [onlyFindings, setOnlyFindings] = useState(false);
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  // A job named in the address (a reload, a shared link): pick it up where it is.
  useEffect(() => {
    if (!resumeId) return;
    let live = true;
    api<BatchJob>(`/api/checks/batch/${encodeURIComponent(resumeId)}`).then(
      (found) => live && setJob(found),
      (failure: unknown) => {
        if (!live) return;
        rememberJob(null);
        setError(
          failure instanceof ApiError && failure.status === 404
            ? t('check.batch.gone')
            : t('check.batch.failed', { message: messageOf(failure) }),
        );
      },
    );
    return () => {
      live = false;
    };
    // Only the address the page opened with: a later language change does not refetch.
  }, [resumeId]);

  // Poll until the job is done or failed.
  useEffect(() => {
    if (!job || job.status === 'done' || job.status === 'failed') return;
    let live = true;
    const timer = setTimeout(() => {
      api<BatchJob>(`/api/checks/batch/${job.id}`).then(
        (next) => live && setJob(next),
        (failure: unknown) =>
          live && setError(t('check.batch.failed', { message: messageOf(failure) })),
      );
    }, POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [job, t]);

  // A finished job: fetch its results once.
  const doneId = job?.status === 'done' ? job.id : null;
  useEffect(() => {
    if (!doneId) return;
    let live = true;
    api<{ claims: ClaimResult[] }>(`/api/checks/batch/${doneId}/results?format=json`).then(
      (report) => {
        if (!live) return;
        setResults(report.claims);
      },
      (failure: unknown) =>
        live && setError(t('check.batch.failed', { message: messageOf(failure) })),
    );
    return () => {
      live = false;
    };
  }, [doneId, t]);

  // Results that arrive move the focus to their heading (the drop zone was where it was).
  useEffect(() => {
    if (results) resultsHeading.current?.focus();
  }, [results]);

  const start = async (file: File) => {
    setError(null);
    setJob(null);
    setResults(null);
    setShown(PAGE_CLAIMS);
    setUploading(file.name);
    rememberJob(null);
    const body = new FormData();
    if (setting) body.set('setting', setting);
    body.set('lang', locale);
    body.set('file', file, file.name);
    try {
      const submitted = await api<BatchJob>(`/api/checks/batch?lang=${locale}`, {
        method: 'POST',
        body,
      });
      setJob(submitted);
      rememberJob(submitted.id);
    } catch (failure) {
      setError(t('check.batch.refused', { file: file.name, message: messageOf(failure) }));
    } finally {
      setUploading(null);
    }
  };

  const running = job && (job.status === 'queued' || job.status === 'running');
  const visible = results
    ? (onlyFindings ? results.filter((r) => r.findings.length > 0) : results).slice(0, shown)
    : [];
  const total = results
    ? onlyFindings
      ? results.filter((r) => r.findings.length > 0).length
      : results.length
    : 0;

  return (
    <section className="check-section" aria-labelledby="batch-heading">
      <h2 id="batch-heading">{t('check.batch.heading')}</h2>
      <p>{t('check.batch.intro')}</p>
      <div className="field batch-setting">
        <label htmlFor="batch-setting">{t('check.batch.setting')}</label>
        <select
          id="batch-setting"
          value={setting}
          onChange={(e) => setSetting(e.target.value as Setting | '')}
        >
          <option value="">{t('check.batch.settingFromFile')}</option>
          {settings.map((s) => (
            <option key={s} value={s}>
              {t(`check.setting.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <FileDrop
        id="claim-file"
        prompt={t('check.batch.drop')}
        buttonLabel={t('check.batch.choose')}
        hint={t('check.batch.formats')}
        disabled={uploading !== null || Boolean(running)}
        onFiles={(files) => {
          if (files[0]) void start(files[0]);
        }}
      />

      <div className="batch-status" role="status" aria-live="polite">
        {uploading && <p>{t('check.batch.uploading', { file: uploading })}</p>}
        {job && job.status === 'queued' && <p>{t('check.batch.queued', { file: job.fileName })}</p>}
        {job && job.status === 'running' && (
          <p>
            {t('check.batch.progress', {
              file: job.fileName,
              done: job.progress.done,
              total: job.progress.total,
            })}
          </p>
        )}
        {job?.status === 'done' && job.summary && (
          <p>
            {t('check.batch.finished', {
              file: job.fileName,
              claims: job.summary.claims,
              withErrors: job.summary.claimsWithErrors,
            })}
          </p>
        )}
      </div>

      {(uploading || running) && (
        <div className="batch-progress">
          <label htmlFor="batch-progress">
            {t('check.batch.progressLabel', { file: uploading ?? job?.fileName ?? '' })}
          </label>
          {job && !uploading ? (
            <progress
              id="batch-progress"
              max={Math.max(1, job.progress.total)}
              value={job.progress.done}
            />
          ) : (
            <progress id="batch-progress" />
          )}
        </div>
      )}

      {error && (
        <div role="alert" className="check-alert">
          <p>{error}</p>
        </div>
      )}
      {job?.status === 'failed' && (
        <div role="alert" className="check-alert">
          <p>{t('check.batch.failed', { message: job.error?.message ?? job.status })}</p>
        </div>
      )}

      {job?.status === 'done' && job.summary && (
        <div className="batch-done">
          <h3 id="batch-results-heading" ref={resultsHeading} tabIndex={-1}>
            {t('check.batch.resultsHeading', { file: job.fileName })}
          </h3>
          <SummaryCounts summary={job.summary} />
          <p className="report-actions">
            <a
              className="button-link"
              href={`/api/checks/batch/${job.id}/results?format=csv`}
              download={`checks-${job.id}.csv`}
            >
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
            <>
              <div className="report-filter">
                <input
                  id="only-findings"
                  type="checkbox"
                  checked={onlyFindings}
                  onChange={(e) => {
                    setOnlyFindings(e.target.checked);
                    setShown(PAGE_CLAIMS);
                  }}
                />
                <label htmlFor="only-findings">{t('check.batch.onlyFindings')}</label>
              </div>
              <p className="muted">{t('check.batch.showing', { shown: visible.length, total })}</p>
              <FindingsReport results={visible} level={4} idPrefix="batch-claim" />
              {visible.length < total && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setShown((n) => n + PAGE_CLAIMS)}
                >
                  {t('check.batch.showMore', {
                    count: Math.min(PAGE_CLAIMS, total - visible.length),
                  })}
                </button>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}
