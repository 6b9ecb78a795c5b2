import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { useLocale, type Translate } from '../../i18n/locale-context.tsx';
import { formatBytes, kindLabel } from './library-format.ts';
import { isProse } from './library-types.ts';
import { failureText, POLL_MS, type UploadItem } from './upload-item.ts';
import type { ImportJob } from '../../../../src/contracts/library.ts';

/** One file: its upload bar, then its import's phase and rows, then the result in words. */
export function UploadRow({
  item,
  onJob,
  onFailure,
}: {
  item: UploadItem;
  onJob: (key: number, job: ImportJob) => void;
  onFailure: (key: number, message: string) => void;
}) {
  const { t, locale } = useLocale();
  const jobId = item.stage === 'importing' ? item.job?.id : undefined;

  // Poll the import until it is done or failed: each answer (a new job) asks again.
  useApi<ImportJob>(jobId ? `/api/library/imports/${jobId}` : null, {
    delayMs: POLL_MS,
    key: item.job,
    onSuccess: (next) => onJob(item.key, next),
    onError: (failure) => onFailure(item.key, failureText(failure, t)),
  });

  const job = item.job;
  const { phase, detail } = uploadPhase(item, t);
  const label =
    item.stage === 'uploading'
      ? t('library.upload.progressUpload', { file: item.name })
      : t('library.upload.progressImport', { file: item.name });
  const result = job?.result;
  const outcome = item.error || job?.status === 'failed' ? 'failed' : 'ok';

  return (
    <li
      className={`upload-item upload-${item.stage}${item.stage === 'finished' ? ` upload-${outcome}` : ''}`}
    >
      <div className="upload-head">
        <bdi className="upload-name">{item.name}</bdi>
        <span className="muted">{formatBytes(item.size, locale)}</span>
      </div>
      {item.stage !== 'finished' && <UploadProgress item={item} label={label} />}
      <p className="upload-phase">
        {item.stage === 'finished' && (
          <span aria-hidden="true" className="upload-mark">
            {outcome === 'failed' ? '✗ ' : '✓ '}
          </span>
        )}
        <span aria-live="polite">{phase}</span>
        {detail && <span className="upload-detail"> {detail}</span>}
      </p>
      {item.error && <p className="upload-error">{item.error}</p>}
      {job?.status === 'failed' && job.error && <p className="upload-error">{job.error.message}</p>}
      {item.stage === 'finished' && result && <ImportResult result={result} />}
    </li>
  );
}

/** What the row says: the stage (upload, queue, import phase, outcome) and its numbers. */
function uploadPhase(item: UploadItem, t: Translate): { phase: string; detail: string } {
  const job = item.job;
  const progress = job?.progress;
  let phase: string;
  let detail = '';
  if (item.stage === 'uploading') {
    phase = t('library.upload.uploading');
    if (item.sent !== null) detail = t('library.upload.sent', { fraction: item.sent });
  } else if (item.stage === 'importing' && job) {
    phase =
      job.status === 'queued'
        ? t('library.upload.queued')
        : t('library.upload.importing', { phase: t(`library.phase.${job.progress.phase}`) });
    if (progress && progress.total > 0)
      detail = t('library.upload.rows', { done: progress.done, total: progress.total });
    else if (progress && progress.done > 0)
      detail = t('library.upload.rowsSoFar', { done: progress.done });
  } else if (item.error) {
    phase = t('library.upload.notUploaded');
  } else if (job?.status === 'failed') {
    phase = t('library.upload.failed');
  } else if (job?.result?.status === 'unchanged') {
    phase = t('library.upload.unchanged');
  } else {
    phase = t('library.upload.imported');
  }
  return { phase, detail };
}

/** The row's bar: bytes sent while uploading, then rows imported (or busy while unknown). */
function UploadProgress({ item, label }: { item: UploadItem; label: string }) {
  const progress = item.job?.progress;
  if (item.stage === 'uploading')
    return item.sent === null ? (
      <progress aria-label={label} />
    ) : (
      <progress aria-label={label} max={1} value={item.sent} />
    );
  return progress && progress.total > 0 ? (
    <progress aria-label={label} max={progress.total} value={progress.done} />
  ) : (
    <progress aria-label={label} />
  );
}

/** A finished import: the document, what was stored and why rows were skipped. */
function ImportResult({ result }: { result: NonNullable<ImportJob['result']> }) {
  const { t } = useLocale();
  return (
    <div className="upload-result">
      <p>
        <Link href={`/library/${result.document.id}`}>
          <bdi>{result.document.title}</bdi>
        </Link>{' '}
        <span className="muted">({kindLabel(result.document.kind, t)})</span>
      </p>
      {result.status === 'imported' && (
        <p>
          {t(isProse(result.document.kind) ? 'library.result.passages' : 'library.result.rows', {
            stored: result.rowsStored,
          })}
          {result.rowsSkipped > 0 &&
            ` ${t('library.result.skipped', { skipped: result.rowsSkipped })}`}
        </p>
      )}
      {result.rowsSkipped > 0 && Object.keys(result.skippedReasons).length > 0 && (
        <ul className="skipped-reasons">
          {Object.entries(result.skippedReasons).map(([reason, count]) => (
            <li key={reason}>{t('library.result.reason', { reason, count })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
