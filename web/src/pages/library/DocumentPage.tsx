import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { Link, navigate } from '../../app/router.tsx';
import { useCan } from '../../app/session/session-context.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useLocale, type Translate } from '../../i18n/locale-context.tsx';
import { DocumentDetails, RowCounts } from './DocumentDetails.tsx';
import { isProse } from './library-types.ts';
import { PassageList } from './PassageList.tsx';
import { RemoveDialog } from './RemoveDialog.tsx';
import './library.css';
import type { DocumentSummary } from '../../../../src/contracts/library.ts';

/** The way back to the library list. */
function BackToLibrary() {
  const { t } = useLocale();
  return (
    <p className="back-link">
      <Link href="/library">
        <span className="directional" aria-hidden="true">
          ←
        </span>{' '}
        {t('library.doc.back')}
      </Link>
    </p>
  );
}

/** A failed load in words: a document not in the library is said so, without a retry. */
function failureOf(failure: Error | null, t: Translate) {
  if (!failure) return null;
  const notFound = failure instanceof ApiError && failure.status === 404;
  return { message: notFound ? t('library.doc.notFound') : failure.message, notFound };
}

/** One document version: its details, then its passages (prose) or its row counts (tables). */
export function DocumentPage({ id }: { id: number }) {
  const { t } = useLocale();
  const [removing, setRemoving] = useState(false);
  const canRemove = useCan('librarian');
  const valid = Number.isInteger(id) && id > 0;
  // The page's id decides what loads; the language only words it.
  const load = useApi<DocumentSummary>(valid ? `/api/library/documents/${id}` : null);
  // Another document's details never stand in while this one loads.
  const doc = load.loading ? null : load.data;
  const error = valid
    ? failureOf(load.error, t)
    : { message: t('library.doc.notFound'), notFound: true };

  const back = <BackToLibrary />;

  if (error)
    return (
      <div className="library-page">
        {back}
        <h1>{t('library.doc.heading')}</h1>
        {error.notFound ? (
          <p role="alert">{error.message}</p>
        ) : (
          <LoadError message={error.message} onRetry={load.reload} />
        )}
      </div>
    );

  if (!doc)
    return (
      <div className="library-page">
        {back}
        <p aria-busy="true">{t('library.loading')}</p>
      </div>
    );

  const prose = isProse(doc.kind);
  return (
    <div className="library-page document-page">
      {back}
      <h1 dir="auto">{doc.title}</h1>
      <DocumentDetails doc={doc} />
      <div className="doc-actions">
        {canRemove && !doc.shared && (
          <button type="button" className="danger" onClick={() => setRemoving(true)}>
            {t('library.doc.remove')}
          </button>
        )}
        {prose && (
          <a
            className="doc-file"
            href={`/api/library/documents/${doc.id}/file`}
            download={doc.fileName}
          >
            {t('library.doc.download')}
          </a>
        )}
      </div>

      {prose ? (
        <PassageList key={doc.id} documentId={doc.id} lang={doc.language} />
      ) : (
        <section className="library-section" aria-labelledby="rows-heading">
          <h2 id="rows-heading">{t('library.doc.rows')}</h2>
          <p>{t('library.doc.tableNote')}</p>
          <RowCounts doc={doc} />
        </section>
      )}

      <RemoveDialog
        document={removing ? doc : null}
        onClose={() => setRemoving(false)}
        onRemoved={() => {
          setRemoving(false);
          navigate('/library');
        }}
      />
    </div>
  );
}
