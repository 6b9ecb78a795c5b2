import { useState } from 'react';
import { FootnoteRefs } from '../../components/Footnotes.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import { CARD_NOTE_PREFIX, type LaidOutConflict } from './card-layout.ts';

/** Conflicts shown before "show all" (all of them print). */
const CONFLICTS_SHOWN = 2;

/** Sources that disagree, the first few shown and the rest behind "show all". */
export function CardConflicts({ id, conflicts }: { id: string; conflicts: LaidOutConflict[] }) {
  const { t, locale, dir } = useLocale();
  const [expanded, setExpanded] = useState(false);
  const listId = `conflicts-${id}`;
  const hidden = conflicts.length - CONFLICTS_SHOWN;
  return (
    <div className="conflicts" role="note" aria-labelledby={`${listId}-label`}>
      <p id={`${listId}-label`} className="conflicts-label" lang={locale} dir={dir}>
        <span aria-hidden="true">⚠ </span>
        {t('card.conflicts', { count: conflicts.length })}
      </p>
      <ul id={listId} className={expanded ? 'expanded' : undefined}>
        {conflicts.map(({ conflict, notes }, i) => (
          <li key={i} className={i >= CONFLICTS_SHOWN ? 'conflict-extra' : undefined}>
            {conflict.message}
            <FootnoteRefs numbers={notes} prefix={CARD_NOTE_PREFIX} />
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <button
          type="button"
          className="secondary no-print"
          aria-expanded={expanded}
          aria-controls={listId}
          lang={locale}
          dir={dir}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t('card.conflictsFewer') : t('card.conflictsAll', { count: hidden })}
        </button>
      )}
    </div>
  );
}
