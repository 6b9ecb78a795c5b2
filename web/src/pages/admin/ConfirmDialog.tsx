import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../../api/use-api.ts';
import { useT } from '../../i18n/locale-context.tsx';

export interface Confirmation {
  title: string;
  body: string;
  confirm: string;
  /** The change itself; the dialog closes when it succeeds and shows its failure otherwise. */
  run: () => Promise<void>;
}

/**
 * Asks before an irreversible change (remove a member, revoke a key): a native modal dialog,
 * Cancel focused first, Escape cancels unless the change is under way.
 */
export function ConfirmDialog({
  confirmation,
  onClose,
}: {
  confirmation: Confirmation | null;
  onClose: () => void;
}) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (confirmation && !element.open) {
      setFailure(null);
      element.showModal();
      cancel.current?.focus();
    }
    if (!confirmation && element.open) element.close();
  }, [confirmation]);

  const go = async () => {
    if (!confirmation) return;
    setBusy(true);
    setFailure(null);
    try {
      await confirmation.run();
      dialog.current?.close();
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onClose={onClose}
      onCancel={(event) => busy && event.preventDefault()}
    >
      {confirmation && (
        <>
          <h2 id="confirm-title">{confirmation.title}</h2>
          <p id="confirm-body">{confirmation.body}</p>
          {failure && (
            <p role="alert" className="error">
              {t('common.error', { message: failure })}
            </p>
          )}
          <form method="dialog" className="dialog-actions">
            <button ref={cancel} className="secondary" disabled={busy} value="cancel">
              {t('admin.cancel')}
            </button>
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => {
                void go();
              }}
            >
              {confirmation.confirm}
            </button>
          </form>
        </>
      )}
    </dialog>
  );
}
