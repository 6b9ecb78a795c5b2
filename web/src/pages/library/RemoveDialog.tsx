import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { useT } from '../../i18n/locale-context.tsx';
import type { DocumentSummary } from '../../../../src/contracts/library.ts';

type Removable = Pick<DocumentSummary, 'id' | 'title'>;

/**
 * Asks before removing a document version: a native modal dialog (focus stays inside it,
 * Escape cancels), Cancel first, and the confirm button names the document.
 */
export function RemoveDialog({
  document: target,
  onClose,
  onRemoved,
}: {
  document: Removable | null;
  onClose: () => void;
  onRemoved: (document: Removable) => void;
}) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  // The document being removed: set by Confirm, cleared when the dialog opens again.
  const [removing, setRemoving] = useState<Removable | null>(null);
  const removal = useApi(removing && `/api/library/documents/${removing.id}`, {
    init: { method: 'DELETE' },
    key: removing,
    onSuccess: () => {
      if (!removing) return;
      // Closed here, before the page drops the row: the dialog gives the focus back to the
      // button that opened it while that still exists, and the page moves it on from there.
      dialog.current?.close();
      onRemoved(removing);
    },
  });
  const busy = removal.loading;
  const error = removal.error?.message ?? null;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (target && !element.open) {
      setRemoving(null);
      element.showModal();
      cancel.current?.focus();
    } else if (!target && element.open) {
      element.close();
    }
  }, [target]);

  const confirm = () => {
    if (target) setRemoving({ ...target });
  };

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="remove-dialog-title"
      aria-describedby="remove-dialog-body"
      onClose={onClose}
      onCancel={(event) => {
        // Escape while the removal is under way would hide its outcome.
        if (busy) event.preventDefault();
      }}
    >
      {target && (
        <>
          <h2 id="remove-dialog-title">{t('library.dialog.title')}</h2>
          <p id="remove-dialog-body">{t('library.dialog.body', { title: target.title })}</p>
          {error && (
            <p role="alert" className="dialog-error">
              {t('library.dialog.error', { message: error })}
            </p>
          )}
          <div className="dialog-actions">
            <button
              ref={cancel}
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => dialog.current?.close()}
            >
              {t('library.dialog.cancel')}
            </button>
            <button type="button" className="danger" disabled={busy} onClick={confirm}>
              {busy
                ? t('library.dialog.removing')
                : t('library.dialog.confirm', { title: target.title })}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
