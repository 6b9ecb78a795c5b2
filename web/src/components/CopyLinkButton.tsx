import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/locale-context.tsx';
import './components.css';

type State = 'idle' | 'copied' | 'manual';

/**
 * Copies the page's address. Where the clipboard is refused (an EHR's frame, plain http), the
 * address appears in a read-only field, selected, to copy by hand.
 */
export function CopyLinkButton({
  url,
  className,
  label,
}: {
  url?: string;
  className?: string;
  /** The button's words when it copies something else than a link (an API key). */
  label?: string;
}) {
  const t = useT();
  const [state, setState] = useState<State>('idle');
  const [shown, setShown] = useState('');
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state === 'manual') field.current?.select();
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 4000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    const href = url ?? window.location.href;
    setShown(href);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(href);
      setState('copied');
    } catch {
      setState('manual');
    }
  };

  return (
    <span className={className ? `copy-link ${className}` : 'copy-link'}>
      <button type="button" className="secondary" onClick={() => void copy()}>
        {label ?? t('copyLink.button')}
      </button>
      <span role="status" className="copy-link-status">
        {state === 'copied' ? t('copyLink.copied') : state === 'manual' ? t('copyLink.manual') : ''}
      </span>
      {state === 'manual' && (
        <input
          ref={field}
          className="copy-link-field"
          type="text"
          readOnly
          value={shown}
          aria-label={t('copyLink.field')}
          onFocus={(event) => event.target.select()}
        />
      )}
    </span>
  );
}
