import type { DocumentParser } from '../import-kind.ts';
import { documentLimits } from '../intake/limits.ts';
import { extractPdf } from './pdf-extract.ts';

/**
 * PDF -> passages with pages. Runs in a parser thread (parser-pool.ts): pdfjs may leave
 * unhandled rejections behind on a damaged page tree, which must never reach the main thread.
 */
export const parsePdf: DocumentParser = (file, limits = documentLimits) =>
  extractPdf(file, limits.maxPdfPages);
