import { lazy, Suspense } from 'react';
import type { Source, SourcePassage } from '../../../../src/contracts/sources.ts';
import { useT } from '../../i18n/locale-context.tsx';

// pdf.js is large: it loads only when a PDF page is shown.
const PdfPage = lazy(() => import('./PdfPage.tsx').then((m) => ({ default: m.PdfPage })));

/** The cited passage with its span marked, and its PDF page when the document has one. */
export function SourcePassageView({ source, passage }: { source: Source; passage: SourcePassage }) {
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
