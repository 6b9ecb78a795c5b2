import { useEffect, useRef, useState } from 'react';
import type { Passage, PassagePage } from '../../../../src/contracts/sources.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import { systemLabel } from './library-format.ts';

export const PASSAGE_PAGE = 50;

/** The address of a code's card (detected codes link there). */
const codeHref = (system: string, code: string) =>
  `/codes/${encodeURIComponent(system)}/${encodeURIComponent(code)}`;

/** A prose document's passages, a page at a time ("load more"), with their detected codes. */
export function PassageList({ documentId, lang }: { documentId: number; lang: string | null }) {
  const { t } = useLocale();
  const [offset, setOffset] = useState(0);
  const [passages, setPassages] = useState<Passage[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const focusAfter = useRef<number | null>(null);
  const page = useApi<PassagePage>(
    `/api/library/documents/${documentId}/passages?offset=${offset}&limit=${PASSAGE_PAGE}`,
    {
      keepDataOnError: true,
      onSuccess: (loaded) => {
        setTotal(loaded.total);
        setPassages((current) =>
          offset === 0 ? loaded.passages : [...current, ...loaded.passages],
        );
        // "Load more" moves on to the first new passage, so reading continues where it was.
        const first = loaded.passages[0];
        if (offset > 0 && first) focusAfter.current = first.id;
      },
    },
  );

  useEffect(() => {
    if (focusAfter.current === null) return;
    document.getElementById(`passage-${focusAfter.current}`)?.focus();
    focusAfter.current = null;
  }, [passages]);

  const more = () => (offset === passages.length ? page.reload() : setOffset(passages.length));
  return (
    <section className="library-section" aria-labelledby="passages-heading">
      <h2 id="passages-heading">{t('library.doc.passages')}</h2>
      {total !== null && (
        <p className="muted" aria-live="polite">
          {t('library.doc.passagesShown', { shown: passages.length, total })}
        </p>
      )}
      {total === 0 && <p>{t('library.doc.noPassages')}</p>}
      {passages.length > 0 && (
        <ol className="passages">
          {passages.map((passage) => (
            <PassageItem key={passage.id} passage={passage} lang={lang} />
          ))}
        </ol>
      )}
      {page.error && <LoadError message={page.error.message} onRetry={more} />}
      {total === null && !page.error && <p aria-busy="true">{t('library.loading')}</p>}
      {total !== null && passages.length < total && (
        <button type="button" className="secondary" disabled={page.loading} onClick={more}>
          {page.loading ? t('library.loading') : t('library.doc.loadMore')}
        </button>
      )}
    </section>
  );
}

function PassageItem({ passage, lang }: { passage: Passage; lang: string | null }) {
  const { t } = useLocale();
  const where = [
    passage.page !== null ? t('library.doc.page', { page: passage.page }) : '',
    passage.headingPath.join(' › '),
  ].filter(Boolean);
  return (
    <li id={`passage-${passage.id}`} className="passage" tabIndex={-1}>
      {where.length > 0 && (
        <p className="passage-where">
          {where.map((part, i) => (
            <span key={i}>
              <bdi>{part}</bdi>
            </span>
          ))}
        </p>
      )}
      <p className="passage-text" lang={lang ?? undefined} dir="auto">
        {passage.text}
      </p>
      {passage.codes.length > 0 && (
        <div className="passage-codes">
          <span>{t('library.doc.codes')}</span>
          <ul>
            {passage.codes.map((c) => (
              <li key={`${c.system}:${c.code}`}>
                <Link href={codeHref(c.system, c.code)}>
                  <span dir="ltr">{c.code}</span>{' '}
                  <span className="code-system">{systemLabel(c.system, t)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}
