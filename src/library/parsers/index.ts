import type { DocumentKind, DocumentParser } from '../import-kind.ts';
import { parseDocx } from './docx.parser.ts';
import { parseHtml } from './html.parser.ts';
import { parseMarkdown } from './markdown.parser.ts';
import { parsePdf } from './pdf.parser.ts';
import { parseText } from './text.parser.ts';

/** Prose parsers by document kind; each yields cited passages or a CodecardError. */
export const documentParsers: Record<DocumentKind, DocumentParser> = {
  pdf: parsePdf,
  docx: parseDocx,
  html: parseHtml,
  markdown: parseMarkdown,
  text: parseText,
};
