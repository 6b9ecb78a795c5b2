import { useLocale } from '../../i18n/locale-context.tsx';
import type { BatchJob } from '../../../../src/contracts/check-jobs.ts';

/** Where the batch is, in words (a live region) and as a bar, and why it failed if it did. */
export function BatchProgress({
  job,
  uploading,
  running,
  error,
}: {
  job: BatchJob | null;
  uploading: string | null;
  running: boolean;
  error: string | null;
}) {
  const { t } = useLocale();
  return (
    <>
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
    </>
  );
}
