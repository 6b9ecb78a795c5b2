import { useRef, useState } from 'react';
import type { LibraryList } from '../../../../src/contracts/library.ts';
import { useApi } from '../../api/use-api.ts';
import { useCan } from '../../app/session/session-context.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useT } from '../../i18n/locale-context.tsx';
import { DocumentTable } from './DocumentTable.tsx';
import { RemoveDialog } from './RemoveDialog.tsx';
import { UploadPanel } from './UploadPanel.tsx';
import './library.css';
import type { DocumentSummary } from '../../../../src/contracts/library.ts';

/** The library: add files (each with its own progress), the list, removal with confirmation. */
export function LibraryPage() {
  const t = useT();
  // The list stays while it reloads (after an import or a removal) and when a reload fails.
  const list = useApi<LibraryList>('/api/library/documents', { keepDataOnError: true });
  const documents = list.data?.documents ?? null;
  const loadError = list.error?.message ?? null;
  const load = list.reload;
  const [removing, setRemoving] = useState<DocumentSummary | null>(null);
  // Upload and removal are for librarians and admins (the server refuses the others).
  const canEdit = useCan('librarian');
  const [status, setStatus] = useState('');
  const listHeading = useRef<HTMLHeadingElement>(null);

  return (
    <div className="library-page">
      <h1>{t('library.title')}</h1>
      <p className="page-intro">{t('library.intro')}</p>
      <div className="visually-hidden" role="status" aria-live="polite">
        {status}
      </div>

      {canEdit && <UploadPanel onImported={load} />}

      <section className="library-section" aria-labelledby="documents-heading">
        <h2 id="documents-heading" ref={listHeading} tabIndex={-1}>
          {t('library.list.heading')}
        </h2>
        {loadError && <LoadError message={loadError} onRetry={load} />}
        {!documents && !loadError && <p aria-busy="true">{t('library.loading')}</p>}
        {documents && documents.length === 0 && <p>{t('library.list.empty')}</p>}
        {documents && documents.length > 0 && (
          <DocumentTable documents={documents} onRemove={canEdit ? setRemoving : undefined} />
        )}
      </section>

      <RemoveDialog
        document={removing}
        onClose={() => setRemoving(null)}
        onRemoved={(doc) => {
          setRemoving(null);
          list.setData(
            (current) => current && { documents: current.documents.filter((d) => d.id !== doc.id) },
          );
          setStatus(t('library.removed', { title: doc.title }));
          // The row and its button are gone: the list heading takes focus.
          listHeading.current?.focus();
          load();
        }}
      />
    </div>
  );
}
