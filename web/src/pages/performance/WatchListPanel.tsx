import { useState, type FormEvent } from 'react';
import type { WatchChangeView, WatchListView } from '../../../../src/contracts/watch-list.ts';
import { watchedCodeOf } from '../../../../src/domain/watched-code.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import { PerfTable } from './PerfTable.tsx';
import { WatchListChanges } from './WatchListChanges.tsx';

/**
 * The organization's watch list: the codes its admins chose and the procedure codes its checks
 * have seen. The Performance page is for admins, so the block lets them add and remove codes;
 * the server refuses anyone else. The changes of each release for these codes sit beside it.
 */
export function WatchListPanel() {
  const { t } = useLocale();
  const load = useApi<WatchListView>('/api/watch-list', { keepDataOnError: true });
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState('');
  const [status, setStatus] = useState('');
  // Bumped on every change of the list: its changes are asked for again.
  const [revision, setRevision] = useState(0);

  const change = async (method: 'PUT' | 'DELETE', code: string) => {
    setProblem('');
    try {
      const done = await api<WatchChangeView>(`/api/watch-list/codes/${encodeURIComponent(code)}`, {
        method,
      });
      setStatus(
        t(method === 'DELETE' ? 'watch.removed' : done.changed ? 'watch.added' : 'watch.already', {
          code: done.code,
        }),
      );
      if (method === 'PUT') setDraft('');
      load.reload();
      setRevision((r) => r + 1);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const shape = watchedCodeOf(draft);
    if (!shape) {
      setProblem(t('watch.add.invalid', { value: draft.trim() }));
      return;
    }
    void change('PUT', shape.code);
  };

  const codes = load.data?.codes;
  return (
    <section className="perf-section perf-watch" aria-labelledby="perf-watch">
      <h2 id="perf-watch">{t('watch.heading')}</h2>
      <p className="muted">{t('watch.intro')}</p>
      <WatchListChanges revision={revision} />
      <form className="perf-watch-add no-print" onSubmit={submit} noValidate>
        <div className="perf-field">
          <label htmlFor="watch-code">{t('watch.add.label')}</label>
          <input
            id="watch-code"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'watch-code-hint watch-problem' : 'watch-code-hint'}
          />
          <span id="watch-code-hint" className="field-hint">
            {t('watch.add.hint')}
          </span>
        </div>
        <button type="submit">{t('watch.add.button')}</button>
      </form>
      {problem && (
        <p id="watch-problem" className="perf-problem" role="alert">
          {problem}
        </p>
      )}
      {/* Announced politely; not a second role="status" beside the page's range line. */}
      <div className="visually-hidden" aria-live="polite">
        {status}
      </div>
      {load.error && <LoadError message={load.error.message} onRetry={load.reload} />}
      {!codes && !load.error && <p aria-busy="true">{t('watch.loading')}</p>}
      {codes && (
        <PerfTable
          className="perf-watch-list"
          caption={t('watch.tableCaption')}
          empty={t('watch.empty')}
          columns={[
            { label: t('watch.col.code') },
            { label: t('watch.col.system') },
            { label: t('watch.col.source') },
            { label: <span className="visually-hidden">{t('watch.col.action')}</span> },
          ]}
          rows={codes.map((watched) => ({
            key: watched.code,
            cells: [
              <span dir="ltr">{watched.code}</span>,
              t('watch.system', { system: watched.system }),
              watched.sources.map((source) => t(`watch.source.${source}`)).join(' · '),
              watched.sources.includes('chosen') ? (
                <button
                  type="button"
                  className="secondary small"
                  onClick={() => void change('DELETE', watched.code)}
                >
                  {t('watch.remove')}
                  <span className="visually-hidden"> {watched.code}</span>
                </button>
              ) : null,
            ],
          }))}
        />
      )}
    </section>
  );
}
