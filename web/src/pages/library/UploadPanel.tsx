import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { Link } from '../../app/router.tsx';
import { useLocale, type Translate } from '../../i18n/locale-context.tsx';
import { FileDrop } from './FileDrop.tsx';
import { formatBytes, kindLabel } from './library-format.ts';
import {
  codeSystems,
  importKinds,
  isProse,
  noOptions,
  settings,
  type ImportJob,
  type UploadOptions,
} from './library-types.ts';
import { uploadFile } from './upload.ts';

export const POLL_MS = 500;

export interface UploadItem {
  key: number;
  name: string;
  size: number;
  stage: 'uploading' | 'importing' | 'finished';
  /** Upload: fraction of bytes sent, null while unknown. */
  sent: number | null;
  job?: ImportJob;
  /** The upload was refused or failed (the import job's own failure is in `job.error`). */
  error?: string;
}

function failureText(failure: unknown, t: Translate): string {
  if (failure instanceof ApiError && failure.code === 'NETWORK') return t('library.upload.network');
  return failure instanceof Error ? failure.message : String(failure);
}

/** One file: its upload bar, then its import's phase and rows, then the result in words. */
function UploadRow({
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

  // Poll the import until it is done or failed.
  useEffect(() => {
    if (!jobId) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      api<ImportJob>(`/api/library/imports/${jobId}`).then(
        (job) => {
          if (!live) return;
          onJob(item.key, job);
          if (job.status !== 'done' && job.status !== 'failed') timer = setTimeout(tick, POLL_MS);
        },
        (failure: unknown) => live && onFailure(item.key, failureText(failure, t)),
      );
    };
    timer = setTimeout(tick, POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // One loop per job; the callbacks are stable.
  }, [jobId, item.key, onJob, onFailure, t]);

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
      {item.stage !== 'finished' &&
        (item.stage === 'uploading' ? (
          item.sent === null ? (
            <progress aria-label={label} />
          ) : (
            <progress aria-label={label} max={1} value={item.sent} />
          )
        ) : progress && progress.total > 0 ? (
          <progress aria-label={label} max={progress.total} value={progress.done} />
        ) : (
          <progress aria-label={label} />
        ))}
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
      {item.stage === 'finished' && result && (
        <div className="upload-result">
          <p>
            <Link href={`/library/${result.document.id}`}>
              <bdi>{result.document.title}</bdi>
            </Link>{' '}
            <span className="muted">({kindLabel(result.document.kind, t)})</span>
          </p>
          {result.status === 'imported' && (
            <p>
              {t(
                isProse(result.document.kind) ? 'library.result.passages' : 'library.result.rows',
                {
                  stored: result.rowsStored,
                },
              )}
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
      )}
    </li>
  );
}

/** Add files: drop several or choose them, each uploaded and imported on its own. */
export function UploadPanel({ onImported }: { onImported: () => void }) {
  const { t } = useLocale();
  const [options, setOptions] = useState<UploadOptions>(noOptions);
  const [items, setItems] = useState<UploadItem[]>([]);
  const nextKey = useRef(1);
  const imported = useRef(onImported);
  imported.current = onImported;

  const update = useCallback(
    (key: number, patch: Partial<UploadItem>) =>
      setItems((current) =>
        current.map((item) => (item.key === key ? { ...item, ...patch } : item)),
      ),
    [],
  );

  const onJob = useCallback(
    (key: number, job: ImportJob) => {
      const finished = job.status === 'done' || job.status === 'failed';
      update(key, { job, stage: finished ? 'finished' : 'importing' });
      if (job.status === 'done') imported.current();
    },
    [update],
  );

  const onFailure = useCallback(
    (key: number, message: string) => update(key, { stage: 'finished', error: message }),
    [update],
  );

  const add = (files: File[]) => {
    const added = files.map((file) => ({ file, key: nextKey.current++ }));
    setItems((current) => [
      ...added.map(({ file, key }) => ({
        key,
        name: file.name,
        size: file.size,
        stage: 'uploading' as const,
        sent: 0,
      })),
      ...current,
    ]);
    for (const { file, key } of added) {
      const upload = uploadFile(file, options, (sent) => update(key, { sent }));
      upload.done.then(
        (job) => onJob(key, job),
        (failure: unknown) => onFailure(key, failureText(failure, t)),
      );
    }
  };

  const set = (name: keyof UploadOptions) => (value: string) =>
    setOptions((current) => ({ ...current, [name]: value }));
  const finished = items.filter((item) => item.stage === 'finished').length;

  return (
    <section className="library-section" aria-labelledby="upload-heading">
      <h2 id="upload-heading">{t('library.upload.heading')}</h2>
      <details className="upload-options">
        <summary>{t('library.options.summary')}</summary>
        <p className="muted">{t('library.options.hint')}</p>
        <div className="options-grid">
          <OptionSelect
            id="option-kind"
            label={t('library.options.kind')}
            value={options.kind}
            onChange={set('kind')}
            choices={[
              ['', t('library.options.kindAuto')],
              ...importKinds.map((kind): [string, string] => [kind, kindLabel(kind, t)]),
            ]}
          />
          <OptionSelect
            id="option-setting"
            label={t('library.options.setting')}
            value={options.setting}
            onChange={set('setting')}
            choices={[
              ['', t('library.options.settingAuto')],
              ...settings.map((s): [string, string] => [s, t(`library.setting.${s}`)]),
            ]}
          />
          <OptionSelect
            id="option-system"
            label={t('library.options.system')}
            value={options.system}
            onChange={set('system')}
            choices={[
              ['', t('library.options.systemAuto')],
              ...codeSystems.map((s): [string, string] => [s, t(`library.system.${s}`)]),
            ]}
          />
          <div className="field">
            <label htmlFor="option-effective">{t('library.options.effective')}</label>
            <input
              id="option-effective"
              type="date"
              value={options.effective}
              aria-describedby="option-effective-hint"
              onChange={(e) => set('effective')(e.target.value)}
            />
            <span id="option-effective-hint" className="field-hint">
              {t('library.options.effectiveHint')}
            </span>
          </div>
          <OptionSelect
            id="option-partial"
            label={t('library.options.release')}
            value={options.partial}
            onChange={set('partial')}
            choices={[
              ['', t('library.options.releaseAuto')],
              ['false', t('library.options.complete')],
              ['true', t('library.options.partial')],
            ]}
          />
        </div>
      </details>
      <FileDrop
        id="library-files"
        multiple
        prompt={t('library.upload.drop')}
        buttonLabel={t('library.upload.choose')}
        hint={t('library.upload.hint')}
        onFiles={add}
      />
      {items.length > 0 && (
        <div className="uploads">
          <h3 id="uploads-heading">{t('library.uploads.heading')}</h3>
          <ul className="upload-list" aria-labelledby="uploads-heading">
            {items.map((item) => (
              <UploadRow key={item.key} item={item} onJob={onJob} onFailure={onFailure} />
            ))}
          </ul>
          {finished > 0 && (
            <button
              type="button"
              className="secondary"
              onClick={() => setItems((current) => current.filter((i) => i.stage !== 'finished'))}
            >
              {t('library.uploads.clear', { count: finished })}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function OptionSelect({
  id,
  label,
  value,
  onChange,
  choices,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  choices: [string, string][];
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {choices.map(([choice, text]) => (
          <option key={choice} value={choice}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
