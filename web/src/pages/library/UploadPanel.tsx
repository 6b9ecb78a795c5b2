import { useCallback, useRef, useState } from 'react';
import { useLocale } from '../../i18n/locale-context.tsx';
import { FileDrop } from './FileDrop.tsx';
import { noOptions, type UploadOptions } from './library-types.ts';
import { uploadFile } from './upload.ts';
import { failureText, type UploadItem } from './upload-item.ts';
import { UploadOptionsForm } from './UploadOptionsForm.tsx';
import { UploadRow } from './UploadRow.tsx';
import type { ImportJob } from '../../../../src/contracts/library.ts';

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

  return (
    <section className="library-section" aria-labelledby="upload-heading">
      <h2 id="upload-heading">{t('library.upload.heading')}</h2>
      <UploadOptionsForm options={options} onChange={setOptions} />
      <FileDrop
        id="library-files"
        multiple
        prompt={t('library.upload.drop')}
        buttonLabel={t('library.upload.choose')}
        hint={t('library.upload.hint')}
        onFiles={add}
      />
      {items.length > 0 && (
        <UploadList
          items={items}
          onJob={onJob}
          onFailure={onFailure}
          onClearFinished={() =>
            setItems((current) => current.filter((i) => i.stage !== 'finished'))
          }
        />
      )}
    </section>
  );
}

/** The files added, newest first, and "clear finished". */
function UploadList({
  items,
  onJob,
  onFailure,
  onClearFinished,
}: {
  items: UploadItem[];
  onJob: (key: number, job: ImportJob) => void;
  onFailure: (key: number, message: string) => void;
  onClearFinished: () => void;
}) {
  const { t } = useLocale();
  const finished = items.filter((item) => item.stage === 'finished').length;
  return (
    <div className="uploads">
      <h3 id="uploads-heading">{t('library.uploads.heading')}</h3>
      <ul className="upload-list" aria-labelledby="uploads-heading">
        {items.map((item) => (
          <UploadRow key={item.key} item={item} onJob={onJob} onFailure={onFailure} />
        ))}
      </ul>
      {finished > 0 && (
        <button type="button" className="secondary" onClick={onClearFinished}>
          {t('library.uploads.clear', { count: finished })}
        </button>
      )}
    </div>
  );
}
