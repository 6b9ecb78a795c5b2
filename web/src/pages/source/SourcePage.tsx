import { lazy, Suspense, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { Link, useLocation } from '../../app/router.tsx';
import { formatLocator } from '../../components/citations.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useT } from '../../i18n/locale-context.tsx';
import './source.css';

// pdf.js is large: it loads only when a PDF page is shown.
import type { SourcePassage, SourceRow } from '../../../../src/contracts/sources.ts';

const PdfPage = lazy(() => import('./PdfPage.tsx').then((m) => ({ default: m.PdfPage })));

export interface SourceDocument {
  id: number;
  title: string;
  kind: string;
  fileName: string;
  version?: string | null;
  release?: string | null;
  setting: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  language: string | null;
  hasFile: boolean;
}

// The rows and passage exactly as the server resolves them (src/library/sources.service.ts).
export type { SourcePassage, SourceRow };

export interface Source {
  document: SourceDocument;
  rows?: SourceRow[];
  passage?: SourcePassage;
}

type Load =
  { state: 'loading' } | { state: 'done'; source: Source } | { state: 'failed'; message: string };

const tableKey = (table: string) => table.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

/** Where a citation leads: the cited table rows, or the passage (and its PDF page) marked. */
export function SourcePage({ documentId }: { documentId: number }) {
  const t = useT();
  const { query } = useLocation();
  const locator = query.get('locator') ?? '';
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!locator) {
      setLoad({ state: 'failed', message: t('source.noLocator') });
      return;
    }
    const controller = new AbortController();
    setLoad({ state: 'loading' });
    api<Source>(`/api/sources/${documentId}?locator=${encodeURIComponent(locator)}`, {
      signal: controller.signal,
    }).then(
      (source) => setLoad({ state: 'done', source }),
      (error: unknown) => {
        if (!controller.signal.aborted)
          setLoad({
            state: 'failed',
            message: error instanceof Error ? error.message : String(error),
          });
      },
    );
    return () => controller.abort();
    // The source reloads for its own address only (not when `t` changes).
  }, [documentId, locator, attempt]);

  const source = load.state === 'done' ? load.source : null;
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
      {load.state === 'loading' && (
        <p aria-busy="true" className="muted">
          {t('source.loading')}
        </p>
      )}
      {load.state === 'failed' && (
        <>
          <h1>{t('source.title')}</h1>
          <LoadError
            message={load.message}
            onRetry={locator ? () => setAttempt((n) => n + 1) : undefined}
          />
        </>
      )}
      {source && <SourceView source={source} locator={locator} />}
      <p role="status" className="visually-hidden">
        {source ? t('source.loaded', { title: source.document.title }) : ''}
      </p>
    </div>
  );
}

function SourceView({ source, locator }: { source: Source; locator: string }) {
  const t = useT();
  const { document: doc, rows, passage } = source;
  const version = doc.version ?? doc.release ?? null;
  const period =
    doc.effectiveFrom && doc.effectiveTo
      ? t('source.periodRange', { from: doc.effectiveFrom, to: doc.effectiveTo })
      : doc.effectiveFrom
        ? t('source.periodFrom', { from: doc.effectiveFrom })
        : doc.effectiveTo
          ? t('source.periodUntil', { to: doc.effectiveTo })
          : t('source.periodNone');
  return (
    <article className="source" aria-labelledby="source-title">
      <h1 id="source-title" dir="auto">
        {doc.title}
      </h1>
      <dl className="source-meta">
        <div>
          <dt>{t('source.fileName')}</dt>
          <dd dir="auto">{doc.fileName}</dd>
        </div>
        <div>
          <dt>{t('source.version')}</dt>
          <dd>{version ?? t('source.notStated')}</dd>
        </div>
        <div>
          <dt>{t('source.effective')}</dt>
          <dd>{period}</dd>
        </div>
        {doc.setting && (
          <div>
            <dt>{t('source.setting')}</dt>
            <dd>{t('source.settingName', { setting: doc.setting })}</dd>
          </div>
        )}
        <div>
          <dt>{t('source.cited')}</dt>
          <dd dir="auto">{formatLocator(locator, t)}</dd>
        </div>
      </dl>
      {doc.hasFile && (
        <p className="no-print">
          <a href={`/api/library/documents/${doc.id}/file`} download={doc.fileName}>
            {t('source.download', { file: doc.fileName })}
          </a>
        </p>
      )}
      {rows && rows.length > 0 && <Rows rows={rows} />}
      {passage && <Passage source={source} passage={passage} />}
    </article>
  );
}

function Rows({ rows }: { rows: SourceRow[] }) {
  const t = useT();
  return (
    <section aria-labelledby="source-rows">
      <h2 id="source-rows">{t('source.rows', { count: rows.length })}</h2>
      {rows.map((row, i) => (
        <div key={i} className="table-scroll">
          <table className="source-row">
            <caption>
              {t('source.table', { table: tableKey(row.table) })} · {formatLocator(row.locator, t)}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('source.column')}</th>
                <th scope="col">{t('source.value')}</th>
              </tr>
            </thead>
            <tbody>
              {row.columns.map((column) => (
                <tr key={column.name}>
                  <th scope="row" lang="en">
                    <code>{column.name}</code>
                  </th>
                  <td dir="auto">
                    {column.value ?? <span className="muted">{t('source.empty')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

function Passage({ source, passage }: { source: Source; passage: SourcePassage }) {
  const t = useT();
  const doc = source.document;
  const start = Math.max(0, Math.min(passage.highlightStart, passage.text.length));
  const end = Math.max(start, Math.min(passage.highlightEnd, passage.text.length));
  const cited = passage.text.slice(start, end);
  const isPdf = doc.kind === 'pdf' || /\.pdf$/i.test(doc.fileName);
  const showPage = doc.hasFile && isPdf && passage.page !== null;
  return (
    <>
      {showPage && (
        <section aria-labelledby="source-page">
          <h2 id="source-page">{t('source.pageTitle', { page: String(passage.page) })}</h2>
          <Suspense
            fallback={
              <p className="muted">{t('source.pdfLoading', { page: String(passage.page) })}</p>
            }
          >
            <PdfPage
              documentId={doc.id}
              page={passage.page!}
              quote={cited || passage.text}
              fileName={doc.fileName}
            />
          </Suspense>
        </section>
      )}
      <section aria-labelledby="source-passage">
        <h2 id="source-passage">{t('source.passage')}</h2>
        <p className="muted passage-where">
          {passage.page !== null && <span>{t('source.page', { page: String(passage.page) })}</span>}
          {passage.headingPath.length > 0 && (
            <span dir="auto">{passage.headingPath.join(' › ')}</span>
          )}
        </p>
        <blockquote className="passage" dir="auto" lang={doc.language ?? undefined}>
          {passage.text.slice(0, start)}
          {cited && (
            <mark>
              <span className="visually-hidden">{t('source.citedStart')} </span>
              {cited}
              <span className="visually-hidden"> {t('source.citedEnd')}</span>
            </mark>
          )}
          {passage.text.slice(end)}
        </blockquote>
      </section>
    </>
  );
}
