import { useState } from 'react';
import { api } from '../../api/client.ts';
import { messageOf } from '../../api/use-api.ts';
import { useLocale } from '../../i18n/locale-context.tsx';
import { FileDrop } from '../library/FileDrop.tsx';
import { BatchProgress } from './BatchProgress.tsx';
import { BatchResults } from './BatchResults.tsx';
import { rememberJob, useBatchJob } from './use-batch-job.ts';
import { type Setting, settings } from '../../../../src/domain/setting.ts';
import type { BatchJob } from '../../../../src/contracts/check-jobs.ts';

/** A claim file (JSON, NDJSON, CSV, X12 837) checked as a background job, with progress. */
export function BatchCheck({ resumeId }: { resumeId?: string | null }) {
  const { t, locale } = useLocale();
  const [setting, setSetting] = useState<Setting | ''>('');
  const [uploading, setUploading] = useState<string | null>(null);
  const [onlyFindings, setOnlyFindings] = useState(false);
  const { job, setJob, running, results, error, setError } = useBatchJob(resumeId);

  const start = async (file: File) => {
    setError(null);
    setJob(null);
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

  // A check cut short by a restart continues after its last stored result.
  const resume = async (stopped: BatchJob) => {
    setError(null);
    try {
      const resumed = await api<BatchJob>(
        `/api/checks/batch/${encodeURIComponent(stopped.id)}/resume`,
        { method: 'POST' },
      );
      setJob(resumed);
      rememberJob(resumed.id);
    } catch (failure) {
      setError(t('check.batch.failed', { message: messageOf(failure) }));
    }
  };

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
        disabled={uploading !== null || running}
        onFiles={(files) => {
          if (files[0]) void start(files[0]);
        }}
      />
      <BatchProgress job={job} uploading={uploading} running={running} error={error} />
      {job?.status === 'failed' && job.resumable && (
        <button type="button" onClick={() => void resume(job)}>
          {t('check.batch.resume', { file: job.fileName, done: job.progress.done })}
        </button>
      )}
      {job?.status === 'done' && job.summary && (
        <BatchResults
          job={job}
          summary={job.summary}
          results={results}
          onlyFindings={onlyFindings}
          onOnlyFindings={setOnlyFindings}
        />
      )}
    </section>
  );
}
