import type { WatchListChangesView } from '../../../../src/contracts/watch-list.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { ReleaseChanges } from '../../components/ReleaseChanges.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';

/**
 * What each dataset's newest release changed for the watch list, first thing on Performance:
 * after a sync this is what the organization needs to know. `revision` changes when the list
 * does, so adding a code shows its changes at once.
 */
export function WatchListChanges({ revision }: { revision: number }) {
  const { t, locale } = useLocale();
  const load = useApi<WatchListChangesView>(`/api/watch-list/changes?lang=${locale}`, {
    key: revision,
    keepDataOnError: true,
  });
  const view = load.data;
  return (
    <div className="perf-watch-changes">
      <h3>{t('watch.changes.heading')}</h3>
      {load.error && <LoadError message={load.error.message} onRetry={load.reload} />}
      {!view && !load.error && <p aria-busy="true">{t('watch.changes.loading')}</p>}
      {view && view.changes.length === 0 && (
        <p className="muted">
          {view.codes === 0 ? t('watch.changes.noCodes') : t('watch.changes.none')}
        </p>
      )}
      {view && view.changes.length > 0 && (
        <ReleaseChanges changes={view.changes} idPrefix="watch-changes" Heading="h4" />
      )}
    </div>
  );
}
