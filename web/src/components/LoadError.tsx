import { useT } from '../i18n/locale-context.tsx';

/** A failed request in words, with a retry button when the caller can try again. */
export function LoadError({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const t = useT();
  return (
    <div role="alert" className="load-error">
      <p className="error">{t('common.error', { message })}</p>
      {onRetry && (
        <button type="button" className="secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
