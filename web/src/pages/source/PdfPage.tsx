import { useEffect, useRef, useState, type RefObject } from 'react';
import { useApi } from '../../api/use-api.ts';
import { useT } from '../../i18n/locale-context.tsx';
import { drawPdfPage, type DrawnPage } from './draw-pdf-page.ts';

type State = { state: 'loading' } | ({ state: 'done' } & DrawnPage) | { state: 'failed' };

const readBytes = async (response: Response) => new Uint8Array(await response.arrayBuffer());

/** The page drawn into the canvas once the file is loaded: loading, done (with highlights), failed. */
function usePdfDrawing(
  documentId: number,
  page: number,
  quote: string,
  canvas: RefObject<HTMLCanvasElement | null>,
): State {
  const [view, setView] = useState<State>({ state: 'loading' });
  const file = useApi<Uint8Array>(`/api/library/documents/${documentId}/file`, {
    read: readBytes,
  });
  const data = file.loading ? null : file.data;
  useEffect(() => {
    if (!data) {
      setView(file.error ? { state: 'failed' } : { state: 'loading' });
      return;
    }
    let cancelled = false;
    setView({ state: 'loading' });
    const drawing = drawPdfPage(
      data,
      page,
      quote,
      () => canvas.current,
      () => cancelled,
    );
    drawing.done.then(
      (drawn) => {
        if (!cancelled && drawn) setView({ state: 'done', ...drawn });
      },
      () => {
        if (!cancelled) setView({ state: 'failed' });
      },
    );
    return () => {
      cancelled = true;
      void drawing.destroy();
    };
  }, [data, file.error, page, quote]);
  return view;
}

/**
 * One page of a library PDF drawn with pdf.js, the cited words covered by highlight boxes found
 * among the page's text items. This module (and pdf.js) loads only when a PDF page is shown.
 */
export function PdfPage({
  documentId,
  page,
  quote,
  fileName,
}: {
  documentId: number;
  page: number;
  /** The cited words. */
  quote: string;
  fileName: string;
}) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const view = usePdfDrawing(documentId, page, quote, canvas);

  const found = view.state === 'done' && view.rects.length > 0;
  return (
    <figure className="pdf-page">
      {view.state === 'failed' ? (
        <p className="muted">{t('source.pdfFailed')}</p>
      ) : (
        // The page keeps its own left-to-right geometry in any reading direction.
        <div className="pdf-canvas-wrap" dir="ltr" aria-busy={view.state === 'loading'}>
          <canvas
            ref={canvas}
            role="img"
            style={view.state === 'done' ? { inlineSize: `${view.cssWidth}px` } : undefined}
            aria-label={t('source.pdfImage', { page: String(page), file: fileName })}
          />
          {view.state === 'done' &&
            view.rects.map((rect, i) => (
              <span
                key={i}
                className="pdf-highlight"
                aria-hidden="true"
                style={{
                  insetInlineStart: `${(rect.left / view.width) * 100}%`,
                  insetBlockStart: `${(rect.top / view.height) * 100}%`,
                  inlineSize: `${(rect.width / view.width) * 100}%`,
                  blockSize: `${(rect.height / view.height) * 100}%`,
                }}
              />
            ))}
        </div>
      )}
      <figcaption className="muted">
        {view.state === 'loading'
          ? t('source.pdfLoading', { page: String(page) })
          : view.state === 'failed'
            ? null
            : found
              ? t('source.pdfHighlighted', { page: String(page) })
              : t('source.pdfNotHighlighted', { page: String(page) })}
      </figcaption>
    </figure>
  );
}
