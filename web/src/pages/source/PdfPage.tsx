import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/locale-context.tsx';
import { itemRect, matchQuote, type Rect } from './pdf-highlight.ts';

type State =
  | { state: 'loading' }
  | { state: 'done'; width: number; height: number; cssWidth: number; rects: Rect[] }
  | { state: 'failed' };

/** Widest the page is drawn, in CSS pixels (it shrinks to fit narrower screens). */
const MAX_WIDTH = 900;

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
  const [view, setView] = useState<State>({ state: 'loading' });

  useEffect(() => {
    let cancelled = false;
    const controller = new AbortController();
    let destroy: (() => Promise<void>) | undefined;
    const run = async () => {
      const pdfjs = await import('pdfjs-dist');
      pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
      const response = await fetch(`/api/library/documents/${documentId}/file`, {
        signal: controller.signal,
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const data = new Uint8Array(await response.arrayBuffer());
      const task = pdfjs.getDocument({ data, isEvalSupported: false });
      destroy = () => task.destroy();
      const pdf = await task.promise;
      const pdfPage = await pdf.getPage(page);
      const natural = pdfPage.getViewport({ scale: 1 });
      // Sharp on high-density screens: drawn at the device's pixel ratio, shown at CSS size.
      const cssScale = Math.min(MAX_WIDTH / natural.width, 2);
      const ratio = Math.min(window.devicePixelRatio || 1, 3);
      const viewport = pdfPage.getViewport({ scale: cssScale * ratio });
      const element = canvas.current;
      if (cancelled || !element) return;
      element.width = Math.floor(viewport.width);
      element.height = Math.floor(viewport.height);
      await pdfPage.render({ canvas: element, viewport }).promise;
      const content = await pdfPage.getTextContent();
      const items = content.items.filter((item): item is TextItem => 'str' in item);
      const spans = matchQuote(items, quote) ?? [];
      const rects = spans.map((span) => itemRect(items[span.index]!, span, viewport));
      if (!cancelled)
        setView({
          state: 'done',
          width: viewport.width,
          height: viewport.height,
          cssWidth: viewport.width / ratio,
          rects,
        });
    };
    run().catch(() => {
      if (!cancelled) setView({ state: 'failed' });
    });
    return () => {
      cancelled = true;
      controller.abort();
      void destroy?.();
    };
  }, [documentId, page, quote]);

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
