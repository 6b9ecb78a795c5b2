import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { messageOf, useApi } from '../../api/use-api.ts';
import { useLocale } from '../../i18n/locale-context.tsx';
import type { BatchJob } from '../../../../src/contracts/check-jobs.ts';
import type { CheckResponse } from '../../../../src/contracts/checks.ts';

export const POLL_MS = 500;

/** The batch's address in the page URL, so a reload or a shared link finds the job again. */
export function rememberJob(id: string | null) {
  const url = new URL(window.location.href);
  if (id) url.searchParams.set('batch', id);
  else url.searchParams.delete('batch');
  window.history.replaceState(window.history.state, '', url);
}

const isRunning = (job: BatchJob | null) =>
  job !== null && (job.status === 'queued' || job.status === 'running');

/**
 * A batch job followed to its end: picked up from the address (`resumeId`), polled while it is
 * queued or running, and its results fetched once it is done. `setJob` starts on a new job.
 */
export function useBatchJob(resumeId: string | null | undefined) {
  const { t } = useLocale();
  const [job, setJob] = useState<BatchJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const failed = (failure: Error) =>
    setError(t('check.batch.failed', { message: messageOf(failure) }));

  // A job named in the address (a reload, a shared link): pick it up where it is.
  useApi<BatchJob>(resumeId ? `/api/checks/batch/${encodeURIComponent(resumeId)}` : null, {
    onSuccess: setJob,
    onError: (failure) => {
      rememberJob(null);
      if (failure instanceof ApiError && failure.status === 404) setError(t('check.batch.gone'));
      else failed(failure);
    },
  });
  // Poll until the job is done or failed: each answer (a new job object) asks again.
  useApi<BatchJob>(job && isRunning(job) ? `/api/checks/batch/${job.id}` : null, {
    delayMs: POLL_MS,
    key: job,
    onSuccess: setJob,
    onError: failed,
  });
  // A finished job: fetch its results once.
  const doneId = job?.status === 'done' ? job.id : null;
  const results = useApi<CheckResponse>(
    doneId ? `/api/checks/batch/${doneId}/results?format=json` : null,
    { onError: failed },
  );
  return {
    job,
    setJob,
    running: isRunning(job),
    results: results.data?.claims ?? null,
    error,
    setError,
  };
}
