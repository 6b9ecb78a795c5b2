import { Parser } from 'htmlparser2';
import type { DocumentParser, ParsedDocument } from '../import-kind.ts';
import { decodeText } from '../intake/decode-text.ts';
import { BlockTextBuilder, normalizeInline, type ExtractedText } from './block-text.ts';
import { guarded } from './parser-guard.ts';
import { splitIntoPassages } from './passage-splitter.ts';

/** A list written as words separated by white space. */
const words = (list: string): string[] => list.trim().split(/\s+/);

/** Content that is never prose: code, styling, embedded objects, form widgets. */
const skippedElements = new Set(
  words(`script style noscript template svg math iframe object embed canvas select textarea`),
);

/** Elements that end a paragraph where they open and close. */
const blockElements = new Set(
  words(`p div li ul ol dl dt dd table thead tbody tfoot caption section article aside header
  footer nav main blockquote pre figure figcaption address hr br form fieldset legend
  details summary body html center td th`),
);

/** Opening one of these means the (possibly unclosed) head is over. */
const bodyStarters = new Set(
  words(`body p div h1 h2 h3 h4 h5 h6 table ul ol li section article main header footer nav span
  a b i strong em br img blockquote pre form`),
);

export interface HtmlText {
  extracted: ExtractedText;
  /** The first h1, else the document's <title>. */
  title?: string;
}

/**
 * Extracts the prose of an HTML document: scripts, styles and the head are dropped, h1-h6
 * build the heading path, block elements separate paragraphs, table rows become one paragraph
 * with cells joined by " | ". Nothing is fetched: only text and tag names are read.
 */
export function extractHtmlText(html: string, builder = new BlockTextBuilder()): HtmlText {
  let paragraph: string[] = [];
  let heading: { level: number; parts: string[] } | null = null;
  let skipDepth = 0;
  let headOpen = false;
  let titleParts: string[] | null = null;
  let documentTitle: string | undefined;
  let rows = 0;
  let cells = 0;

  const flush = () => {
    if (paragraph.length > 0) builder.paragraph(paragraph.join(''));
    paragraph = [];
  };
  const closeHeading = () => {
    if (heading) builder.heading(heading.level, heading.parts.join(''));
    heading = null;
  };
  const breakText = () => {
    if (heading) heading.parts.push(' ');
    else if (rows > 0) paragraph.push(' ');
    else flush();
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (skipDepth > 0) {
          if (skippedElements.has(name)) skipDepth++;
          return;
        }
        if (name === 'head') {
          headOpen = true;
          return;
        }
        if (headOpen) {
          if (name === 'title') {
            titleParts = [];
            return;
          }
          if (!bodyStarters.has(name)) {
            if (skippedElements.has(name)) skipDepth++;
            return;
          }
          headOpen = false;
        }
        if (skippedElements.has(name)) {
          skipDepth++;
          return;
        }
        const level = /^h([1-6])$/.exec(name)?.[1];
        if (level && rows === 0 && !heading) {
          flush();
          heading = { level: Number(level), parts: [] };
          return;
        }
        if (name === 'tr') {
          flush();
          rows++;
          cells = 0;
          return;
        }
        if ((name === 'td' || name === 'th') && rows > 0) {
          if (cells++ > 0) paragraph.push(' | ');
          return;
        }
        if (blockElements.has(name)) breakText();
      },
      ontext(text) {
        if (skipDepth > 0) return;
        if (headOpen) {
          titleParts?.push(text);
          return;
        }
        if (heading) heading.parts.push(text);
        else paragraph.push(text);
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          if (skippedElements.has(name)) skipDepth--;
          return;
        }
        if (name === 'head') {
          headOpen = false;
          return;
        }
        if (name === 'title' && titleParts) {
          documentTitle ??= normalizeInline(titleParts.join('')) || undefined;
          titleParts = null;
          return;
        }
        if (headOpen) return;
        if (heading && name === `h${heading.level}`) {
          closeHeading();
          return;
        }
        if (name === 'tr' && rows > 0) {
          flush();
          rows--;
          cells = 0;
          return;
        }
        if ((name === 'td' || name === 'th') && rows > 0) return;
        if (name === 'table') flush();
        if (blockElements.has(name)) breakText();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  closeHeading();
  flush();
  const extracted = builder.finish();
  const title = extracted.firstHeading ?? documentTitle;
  return title ? { extracted, title } : { extracted };
}

/** Plain text of an HTML fragment (scripts and styles dropped, entities decoded). */
export function htmlFragmentText(html: string): string {
  const parts: string[] = [];
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (skippedElements.has(name)) skipDepth++;
      },
      ontext(text) {
        if (skipDepth === 0) parts.push(text);
      },
      onclosetag(name) {
        if (skippedElements.has(name) && skipDepth > 0) skipDepth--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return parts.join('');
}

/** Passages of an extracted HTML text (shared with the DOCX parser). */
export function htmlDocument(html: string): ParsedDocument {
  const { extracted, title } = extractHtmlText(html);
  const passages = splitIntoPassages(extracted.text, extracted.blocks, null);
  return title ? { title, passages } : { passages };
}

export const parseHtml: DocumentParser = (file) =>
  guarded(file.fileName, () => htmlDocument(decodeText(file.bytes, file.fileName).text));
