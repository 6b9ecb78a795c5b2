import { useEffect } from 'react';
import { useApi } from '../../api/use-api.ts';
import { Link, useLocation } from '../../app/router.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useT } from '../../i18n/locale-context.tsx';
import { SourceView } from './SourceView.tsx';
import './source.css';

import type { Source } from '../../../../src/contracts/sources.ts';

export type { Source };

/** Where a citation leads: the cited table rows, or the passage (and its PDF page) marked. */
export function SourcePage({ documentId }: { documentId: number }) {
  const t = useT();
  const { query } = useLocation();
  const locator = query.get('locator') ?? '';
  // The source reloads for its own address only; without a locator there is nothing to ask.
  const load = useApi<Source>(
    locator ? `/api/sources/${documentId}?locator=${encodeURIComponent(locator)}` : null,
  );
  const source = load.loading ? null : load.data;
  const failure = locator ? (load.error?.message ?? null) : t('source.noLocator');
  useEffect(() => {
    if (!source) return;
    const previous = document.title;
    document.title = source.document.title;
    return () => {
      document.title = previous;
    };
  }, [source]);

  return (
    <div className="source-page">
      <nav className="source-nav no-print" aria-label={t('source.navigation')}>
        <button type="button" className="secondary" onClick={() => window.history.back()}>
          <span className="directional" aria-hidden="true">
            ←
          </span>{' '}
          {t('source.back')}
        </button>
        <Link href={`/library/${documentId}`}>{t('source.libraryPage')}</Link>
      </nav>
      {load.loading && (
        <p aria-busy="true" className="muted">
          {t('source.loading')}
        </p>
      )}
      {failure !== null && (
        <>
          <h1>{t('source.title')}</h1>
          <LoadError message={failure} onRetry={locator ? load.reload : undefined} />
        </>
      )}
      {source && <SourceView source={source} locator={locator} />}
      <p role="status" className="visually-hidden">
        {source ? t('source.loaded', { title: source.document.title }) : ''}
      </p>
    </div>
  );
}
