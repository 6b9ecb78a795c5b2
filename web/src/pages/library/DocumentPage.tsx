import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { Link, navigate } from '../../app/router.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import {
  effectivePeriod,
  formatBytes,
  formatInstant,
  kindLabel,
  languageName,
  settingLabel,
  systemLabel,
} from './library-format.ts';
import { isProse, type DocumentSummary, type Passage, type PassagePage } from './library-types.ts';
import { RemoveDialog } from './RemoveDialog.tsx';
import './library.css';

export const PASSAGE_PAGE = 50;

const messageOf = (failure: unknown) =>
  failure instanceof Error ? failure.message : String(failure);

/** The address of a code's card (detected codes link there). */
const codeHref = (system: string, code: string) =>
  `/codes/${encodeURIComponent(system)}/${encodeURIComponent(code)}`;

function Details({ doc }: { doc: DocumentSummary }) {
  const { t, locale } = useLocale();
  const rows: [string, string][] = [
    [t('library.col.kind'), kindLabel(doc.kind, t)],
    [t('library.col.setting'), settingLabel(doc.setting, t)],
    [t('library.col.version'), doc.release ?? t('library.notStated')],
    [t('library.col.effective'), effectivePeriod(doc, t, locale)],
    [
      t('library.doc.release'),
      doc.partial ? t('library.doc.partialRelease') : t('library.doc.completeRelease'),
    ],
  ];
  if (doc.system) rows.push([t('library.doc.system'), systemLabel(doc.system, t)]);
  if (doc.language) rows.push([t('library.doc.language'), languageName(doc.language, locale)]);
  if (doc.publisher) rows.push([t('library.doc.publisher'), doc.publisher]);
  rows.push(
    [t('library.doc.file'), `${doc.fileName} (${formatBytes(doc.fileSize, locale)})`],
    [t('library.col.imported'), formatInstant(doc.importedAt, locale)],
  );
  return (
    <dl className="doc-details">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>
            <bdi>{value}</bdi>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Counts({ doc }: { doc: DocumentSummary }) {
  const { t } = useLocale();
  const reasons = Object.entries(doc.skippedReasons);
  return (
    <>
      <ul className="doc-counts">
        <li>{t('library.doc.rowsRead', { count: doc.rowsRead })}</li>
        <li>{t('library.doc.rowsStored', { count: doc.rowsStored })}</li>
        <li>{t('library.doc.rowsSkipped', { count: doc.rowsSkipped })}</li>
      </ul>
      {reasons.length > 0 && (
        <>
          <h3>{t('library.doc.skippedReasons')}</h3>
          <ul className="skipped-reasons">
            {reasons.map(([reason, count]) => (
              <li key={reason}>{t('library.result.reason', { reason, count })}</li>
            ))}
          </ul>
        </>
      )}
    </>
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

/** One document version: its details, then its passages (prose) or its row counts (tables). */
export function DocumentPage({ id }: { id: number }) {
  const { t } = useLocale();
  const [doc, setDoc] = useState<DocumentSummary | null>(null);
  const [error, setError] = useState<{ message: string; notFound: boolean } | null>(null);
  const [passages, setPassages] = useState<Passage[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [passageError, setPassageError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [removing, setRemoving] = useState(false);
  const focusAfter = useRef<number | null>(null);

  const loadPassages = useCallback(
    async (offset: number) => {
      setLoadingMore(true);
      setPassageError(null);
      try {
        const page = await api<PassagePage>(
          `/api/library/documents/${id}/passages?offset=${offset}&limit=${PASSAGE_PAGE}`,
        );
        setTotal(page.total);
        setPassages((current) => (offset === 0 ? page.passages : [...current, ...page.passages]));
        // "Load more" moves on to the first new passage, so reading continues where it was.
        const first = page.passages[0];
        if (offset > 0 && first) focusAfter.current = first.id;
      } catch (failure) {
        setPassageError(messageOf(failure));
      } finally {
        setLoadingMore(false);
      }
    },
    [id],
  );

  const load = useCallback(() => {
    setError(null);
    setDoc(null);
    setPassages([]);
    setTotal(null);
    if (!Number.isInteger(id) || id <= 0) {
      setError({ message: t('library.doc.notFound'), notFound: true });
      return;
    }
    api<DocumentSummary>(`/api/library/documents/${id}`).then(
      (found) => {
        setDoc(found);
        if (isProse(found.kind)) void loadPassages(0);
      },
      (failure: unknown) =>
        setError({
          message:
            failure instanceof ApiError && failure.status === 404
              ? t('library.doc.notFound')
              : messageOf(failure),
          notFound: failure instanceof ApiError && failure.status === 404,
        }),
    );
    // The page's id decides what loads; the language only words it.
  }, [id, loadPassages]);

  useEffect(load, [load]);

  useEffect(() => {
    if (focusAfter.current === null) return;
    document.getElementById(`passage-${focusAfter.current}`)?.focus();
    focusAfter.current = null;
  }, [passages]);

  const back = (
    <p className="back-link">
      <Link href="/library">
        <span className="directional" aria-hidden="true">
          ←
        </span>{' '}
        {t('library.doc.back')}
      </Link>
    </p>
  );

  if (error)
    return (
      <div className="library-page">
        {back}
        <h1>{t('library.doc.heading')}</h1>
        {error.notFound ? (
          <p role="alert">{error.message}</p>
        ) : (
          <LoadError message={error.message} onRetry={load} />
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
      <Details doc={doc} />
      <div className="doc-actions">
        <button type="button" className="danger" onClick={() => setRemoving(true)}>
          {t('library.doc.remove')}
        </button>
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
                <PassageItem key={passage.id} passage={passage} lang={doc.language} />
              ))}
            </ol>
          )}
          {passageError && (
            <LoadError message={passageError} onRetry={() => void loadPassages(passages.length)} />
          )}
          {total === null && !passageError && <p aria-busy="true">{t('library.loading')}</p>}
          {total !== null && passages.length < total && (
            <button
              type="button"
              className="secondary"
              disabled={loadingMore}
              onClick={() => void loadPassages(passages.length)}
            >
              {loadingMore ? t('library.loading') : t('library.doc.loadMore')}
            </button>
          )}
        </section>
      ) : (
        <section className="library-section" aria-labelledby="rows-heading">
          <h2 id="rows-heading">{t('library.doc.rows')}</h2>
          <p>{t('library.doc.tableNote')}</p>
          <Counts doc={doc} />
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
