import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  GlobalWorkerOptions,
  getDocument,
  type PDFDocumentProxy,
  type PDFPageProxy,
} from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ParsedDocument, PassageDraft, SourceFile } from '../import-kind.ts';
import { CodecardError, parseFailed, where } from '../../errors/codecard-error.ts';
import { documentLimits } from '../intake/limits.ts';
import { BlockTextBuilder, HeadingStack, maxHeadingChars, normalizeInline } from './block-text.ts';
import { describeError, guarded } from './parser-guard.ts';
import { splitIntoPassages } from './passage-splitter.ts';
import { WorkLimitExceeded } from './work-limits.ts';

type TextItems = Awaited<ReturnType<PDFPageProxy['getTextContent']>>['items'];

/** One line of a page: its text, font size and baseline. */
interface PdfLine {
  text: string;
  size: number;
  y: number;
}

/**
 * PDF -> text per page (pdfjs, legacy build, in-process "fake" worker) -> passages that carry
 * their page. pdfjs gets the bytes only: no URL, no eval, no system fonts, no font faces; its
 * CMaps and standard font data are read from the local pdfjs-dist package, never the network.
 * Lines in a clearly larger font than the body become headings (levels by size).
 * Runs inside a parser thread (see parser-pool.ts), not on the main thread.
 */
export function extractPdf(
  file: SourceFile,
  maxPages = documentLimits.maxPdfPages,
): Promise<ParsedDocument> {
  return guarded(file.fileName, () => readPdf(file, maxPages));
}

async function readPdf(file: SourceFile, maxPages: number): Promise<ParsedDocument> {
  const name = file.fileName;
  requireEndOfFile(file.bytes, name);
  const task = getDocument({ ...pdfjsOptions(), data: new Uint8Array(file.bytes) });
  try {
    let doc: PDFDocumentProxy;
    try {
      doc = await task.promise;
    } catch (error) {
      throw openError(name, error);
    }
    if (doc.numPages > maxPages) {
      throw new WorkLimitExceeded(
        `${doc.numPages} pages is over the limit of ${maxPages} pages (limit maxPdfPages)`,
      );
    }
    const pages: PdfLine[][] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPage(doc, n, name));
    if (doc.numPages > 0 && pages.every((lines) => lines.length === 0)) {
      throw new CodecardError('NOTHING_IMPORTED', {
        file: name,
        detail: `no text in ${doc.numPages} page(s): a scanned PDF needs OCR before it can be imported`,
      });
    }
    const title = (await metadataTitle(doc)) ?? pages.find((p) => p.length > 0)?.[0]?.text;
    const passages = pagePassages(pages);
    const parsed: ParsedDocument = { pageCount: doc.numPages, passages };
    if (title) parsed.title = title.slice(0, maxHeadingChars);
    return parsed;
  } finally {
    await task.destroy();
  }
}

/** A PDF ends with %%EOF (a little trailing junk is tolerated): a cut-off upload does not. */
function requireEndOfFile(bytes: Buffer, name: string): void {
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  if (!tail.includes('%%EOF')) {
    throw parseFailed(
      name,
      'the PDF is truncated (no %%EOF marker at the end); upload the complete file',
    );
  }
}

let resources: { workerSrc: string; cMapUrl: string; standardFontDataUrl: string } | undefined;

function pdfjsOptions() {
  if (!resources) {
    const require = createRequire(import.meta.url);
    const root = dirname(require.resolve('pdfjs-dist/package.json'));
    resources = {
      workerSrc: pathToFileURL(join(root, 'legacy', 'build', 'pdf.worker.mjs')).href,
      cMapUrl: `${join(root, 'cmaps')}/`,
      standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
    };
  }
  // No worker thread in Node: pdfjs imports this module and runs it in-process.
  if (!GlobalWorkerOptions.workerSrc) GlobalWorkerOptions.workerSrc = resources.workerSrc;
  return {
    cMapUrl: resources.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: resources.standardFontDataUrl,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    verbosity: 0,
  };
}

function openError(name: string, error: unknown): CodecardError {
  const kind = error instanceof Error ? error.name : '';
  if (kind === 'PasswordException') {
    return parseFailed(
      name,
      'the PDF is password-protected (encrypted); remove the password and upload it again',
    );
  }
  if (kind === 'InvalidPDFException') {
    return parseFailed(name, 'not a readable PDF: its structure is damaged');
  }
  return parseFailed(name, describeError(error));
}

async function readPage(doc: PDFDocumentProxy, n: number, name: string): Promise<PdfLine[]> {
  let page: PDFPageProxy | undefined;
  try {
    page = await doc.getPage(n);
    const content = await page.getTextContent();
    return toLines(content.items);
  } catch (error) {
    if (error instanceof CodecardError) throw error;
    throw parseFailed(name, describeError(error, 'the page is damaged and'), where('page', n));
  } finally {
    page?.cleanup();
  }
}

async function metadataTitle(doc: PDFDocumentProxy): Promise<string | undefined> {
  try {
    const { info } = await doc.getMetadata();
    const title = (info as { Title?: unknown } | null)?.Title;
    return typeof title === 'string' ? normalizeInline(title) || undefined : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Joins text items into lines: a line ends at `hasEOL` or when the baseline moves; items on
 * one line are joined with a space when there is a visible gap between them.
 */
function toLines(items: TextItems): PdfLine[] {
  const lines: PdfLine[] = [];
  let parts: string[] = [];
  let size = 0;
  let y: number | null = null;
  let lastEnd: number | null = null;
  const endLine = () => {
    const text = normalizeInline(parts.join(''));
    if (text) lines.push({ text, size, y: y ?? 0 });
    parts = [];
    size = 0;
    y = null;
    lastEnd = null;
  };
  for (const item of items) {
    if (!('str' in item)) continue;
    const transform = item.transform as number[];
    const x = Number(transform[4]) || 0;
    const itemY = Number(transform[5]) || 0;
    const height =
      Math.abs(item.height) || Math.hypot(Number(transform[2]) || 0, Number(transform[3]) || 0);
    if (item.str.length > 0) {
      if (y !== null && Math.abs(itemY - y) > Math.max(height, size, 1) * 0.6) endLine();
      else if (parts.length > 0 && lastEnd !== null && x - lastEnd > height * 0.15) {
        const previous = parts.at(-1) ?? '';
        if (!/\s$/.test(previous) && !/^\s/.test(item.str)) parts.push(' ');
      }
      parts.push(item.str);
      y ??= itemY;
      size = Math.max(size, height);
      lastEnd = x + (Number(item.width) || 0);
    }
    if (item.hasEOL) endLine();
  }
  endLine();
  return lines;
}

/** Body size: the font size that carries the most characters in the document. */
function bodySize(pages: PdfLine[][]): number {
  const weight = new Map<number, number>();
  for (const line of pages.flat()) {
    const size = Math.round(line.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + line.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, chars] of weight) {
    if (chars > bestWeight) [best, bestWeight] = [size, chars];
  }
  return best;
}

function isHeadingLine(line: PdfLine, body: number): boolean {
  return (
    body > 0 &&
    line.size >= body * 1.2 &&
    line.text.length <= 120 &&
    /\p{L}/u.test(line.text) &&
    !/[.,;]$/.test(line.text)
  );
}

function pagePassages(pages: PdfLine[][]): PassageDraft[] {
  const body = bodySize(pages);
  const headingSizes = [
    ...new Set(
      pages
        .flat()
        .filter((line) => isHeadingLine(line, body))
        .map((line) => Math.round(line.size * 2) / 2),
    ),
  ].sort((a, b) => b - a);
  const levelOf = (size: number) => Math.min(6, headingSizes.indexOf(Math.round(size * 2) / 2) + 1);
  const headings = new HeadingStack();
  const passages: PassageDraft[] = [];
  pages.forEach((lines, index) => {
    const builder = new BlockTextBuilder(headings);
    let paragraph: PdfLine[] = [];
    let heading: PdfLine[] = [];
    const flushParagraph = () => {
      if (paragraph.length > 0) builder.paragraph(joinLines(paragraph));
      paragraph = [];
    };
    const flushHeading = () => {
      const [first] = heading;
      if (first) builder.heading(levelOf(first.size), joinLines(heading));
      heading = [];
    };
    let previous: PdfLine | null = null;
    for (const line of lines) {
      const gap = previous ? previous.y - line.y : 0;
      const near = previous !== null && gap > 0 && gap <= Math.max(previous.size, line.size) * 1.5;
      if (isHeadingLine(line, body)) {
        flushParagraph();
        const last = heading.at(-1);
        if (!(last && near && Math.abs(last.size - line.size) < 0.5)) flushHeading();
        heading.push(line);
      } else {
        flushHeading();
        if (!near) flushParagraph();
        paragraph.push(line);
      }
      previous = line;
    }
    flushHeading();
    flushParagraph();
    const extracted = builder.finish();
    passages.push(...splitIntoPassages(extracted.text, extracted.blocks, index + 1));
  });
  return passages;
}

/** Lines of a paragraph: a hyphen at a line end joins the next word without a space. */
function joinLines(lines: PdfLine[]): string {
  let out = '';
  for (const line of lines) {
    if (out && !(/\p{L}-$/u.test(out) && /^\p{Ll}/u.test(line.text))) out += ' ';
    out += line.text;
  }
  return out;
}
