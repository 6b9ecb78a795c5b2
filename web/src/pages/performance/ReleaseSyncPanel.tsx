import { useState } from 'react';
import type { DatasetSyncStatus, SyncJobView, SyncStatus } from '../../../../src/contracts/sync.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useInstanceAdmin } from '../../app/session/session-context.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { formatDay, formatInstant } from '../../i18n/format-date.ts';
import { useLocale } from '../../i18n/locale-context.tsx';
import { PerfTable } from './PerfTable.tsx';

/**
 * Release sync (issue 19): per official dataset the last check of the mirror and its result,
 * the newest release held and the next one the publisher's calendar promises (overdue marked).
 * An instance admin can start a check now.
 */
export function ReleaseSyncPanel() {
  const { t, locale } = useLocale();
  const load = useApi<SyncStatus>('/api/sync/status', { keepDataOnError: true });
  const status = load.data;
  return (
    <section className="perf-section" aria-labelledby="perf-sync">
      <h2 id="perf-sync">{t('performance.sync.heading')}</h2>
      <p className="muted">{t('performance.sync.intro')}</p>
      {/* Not an alert: the panel is beside the report, whose own failure is the one announced. */}
      {load.error && (
        <p className="error">
          {t('common.error', { message: load.error.message })}{' '}
          <button type="button" className="secondary" onClick={load.reload}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {status && (
        <>
          <p>
            {status.nextCheck
              ? t('performance.sync.nextCheck', { when: formatInstant(status.nextCheck, locale) })
              : t('performance.sync.off')}
          </p>
          {status.mirrorError && (
            <p className="error">
              {t('performance.sync.mirrorError', { message: status.mirrorError })}
            </p>
          )}
          <SyncTable datasets={status.datasets} />
          <CheckNow onStarted={load.reload} />
        </>
      )}
    </section>
  );
}

function SyncTable({ datasets }: { datasets: DatasetSyncStatus[] }) {
  const { t, locale } = useLocale();
  return (
    <PerfTable
      className="perf-wide perf-sync"
      caption={t('performance.sync.caption')}
      columns={[
        { label: t('performance.sync.dataset') },
        { label: t('performance.sync.lastChecked') },
        { label: t('performance.sync.result') },
        { label: t('performance.sync.newest') },
        { label: t('performance.sync.nextExpected') },
      ]}
      rows={datasets.map((d) => ({
        key: d.dataset,
        cells: [
          <span dir="ltr">{d.dataset}</span>,
          d.lastChecked ? formatInstant(d.lastChecked, locale) : t('performance.sync.never'),
          <SyncResult status={d} />,
          d.newestHeld
            ? t('performance.sync.release', {
                release: d.newestHeld.release ?? t('performance.notStated'),
                date: d.newestHeld.effective
                  ? formatDay(d.newestHeld.effective, locale)
                  : t('performance.notStated'),
              })
            : t('performance.sync.noRelease'),
          d.nextExpected ? (
            <>
              {formatDay(d.nextExpected, locale)}
              {d.overdue && (
                <>
                  {' '}
                  <strong className="perf-overdue">{t('performance.sync.overdue')}</strong>
                </>
              )}
            </>
          ) : (
            t('performance.notStated')
          ),
        ],
      }))}
      empty={t('performance.sync.empty')}
    />
  );
}

function SyncResult({ status }: { status: DatasetSyncStatus }) {
  const { t } = useLocale();
  switch (status.result) {
    case null:
      return <>{t('performance.sync.never')}</>;
    case 'imported':
      return <>{t('performance.sync.imported')}</>;
    case 'up-to-date':
      return <>{t('performance.sync.upToDate')}</>;
    case 'failed':
      return (
        <span className="error">
          {t('performance.sync.failed', {
            step: status.failedStep ?? 'import',
            message: status.message ?? '',
          })}
        </span>
      );
  }
}

/** The instance admin's button: queues a check (one at a time) and reloads the status. */
function CheckNow({ onStarted }: { onStarted: () => void }) {
  const { t } = useLocale();
  const instanceAdmin = useInstanceAdmin();
  const [started, setStarted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!instanceAdmin) return null;
  const start = () => {
    setError(null);
    api<SyncJobView>('/api/sync', { method: 'POST' })
      .then(() => {
        setStarted(true);
        onStarted();
      })
      .catch((failure: unknown) =>
        setError(failure instanceof Error ? failure.message : String(failure)),
      );
  };
  return (
    <div className="no-print">
      <button type="button" className="secondary" onClick={start}>
        {t('performance.sync.checkNow')}
      </button>
      {/* Only once started: the page's own status line is the one live region until then. */}
      {started && <p role="status">{t('performance.sync.started')}</p>}
      {error && <LoadError message={error} />}
    </div>
  );
}
