import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { itemRect, matchQuote, type Rect } from './pdf-highlight.ts';

/** Widest the page is drawn, in CSS pixels (it shrinks to fit narrower screens). */
const MAX_WIDTH = 900;

export interface DrawnPage {
  width: number;
  height: number;
  cssWidth: number;
  /** Where the cited words are, in canvas pixels. */
  rects: Rect[];
}

/**
 * Draws one page of a PDF into the canvas with pdf.js and finds the quote among its text items.
 * `isCancelled` stops it between steps; the returned task's `destroy` frees the document.
 */
export function drawPdfPage(
  data: Uint8Array,
  page: number,
  quote: string,
  canvas: () => HTMLCanvasElement | null,
  isCancelled: () => boolean,
): { done: Promise<DrawnPage | null>; destroy: () => Promise<void> } {
  let destroy = () => Promise.resolve();
  const done = (async () => {
    const pdfjs = await import('pdfjs-dist');
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    // pdf.js takes the buffer over: it gets a copy, so the loaded file can be drawn again.
    const task = pdfjs.getDocument({ data: data.slice(), isEvalSupported: false });
    destroy = () => task.destroy();
    const pdf = await task.promise;
    const pdfPage = await pdf.getPage(page);
    const natural = pdfPage.getViewport({ scale: 1 });
    // Sharp on high-density screens: drawn at the device's pixel ratio, shown at CSS size.
    const cssScale = Math.min(MAX_WIDTH / natural.width, 2);
    const ratio = Math.min(window.devicePixelRatio || 1, 3);
    const viewport = pdfPage.getViewport({ scale: cssScale * ratio });
    const element = canvas();
    if (isCancelled() || !element) return null;
    element.width = Math.floor(viewport.width);
    element.height = Math.floor(viewport.height);
    await pdfPage.render({ canvas: element, viewport }).promise;
    const content = await pdfPage.getTextContent();
    const items = content.items.filter((item): item is TextItem => 'str' in item);
    const spans = matchQuote(items, quote) ?? [];
    const rects = spans.map((span) => itemRect(items[span.index]!, span, viewport));
    return {
      width: viewport.width,
      height: viewport.height,
      cssWidth: viewport.width / ratio,
      rects,
    };
  })();
  return { done, destroy: () => destroy() };
}
