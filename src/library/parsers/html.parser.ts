import { Parser } from 'htmlparser2';
import type { DocumentParser, ParsedDocument } from '../import-kind.ts';
import { decodeText } from '../intake/decode-text.ts';
import { documentLimits } from '../intake/limits.ts';
import { BlockTextBuilder, normalizeInline, type ExtractedText } from './block-text.ts';
import { guarded } from './parser-guard.ts';
import { splitIntoPassages } from './passage-splitter.ts';
import { ElementDepth } from './work-limits.ts';

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
 * with cells joined by " | ". Nothing is fetched: only text and tag names are read. Elements
 * nested deeper than `maxDepth` are refused as they open: htmlparser2's work per tag grows with
 * the depth (200,000 nested divs took 30 s).
 */
export function extractHtmlText(
  html: string,
  builder = new BlockTextBuilder(),
  maxDepth = documentLimits.maxNestingDepth,
): HtmlText {
  const walker = new HtmlProseWalker(builder);
  const depth = new ElementDepth(maxDepth);
  const parser = new Parser(
    {
      onopentag: (name) => {
        depth.open();
        walker.openTag(name);
      },
      ontext: (text) => walker.text(text),
      onclosetag: (name) => {
        depth.close();
        walker.closeTag(name);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return walker.finish();
}

/**
 * Follows the parser's tag and text events and feeds the prose to a BlockTextBuilder. The
 * state lives here rather than in closures so each kind of event reads as its own method.
 */
class HtmlProseWalker {
  private paragraph: string[] = [];
  private heading: { level: number; parts: string[] } | null = null;
  /** Skipped elements may nest (an svg inside a noscript), so this is a depth, not a flag. */
  private skipDepth = 0;
  private headOpen = false;
  private titleParts: string[] | null = null;
  private documentTitle: string | undefined;
  /** Open table rows (tables nest) and the cells seen so far in the current row. */
  private rows = 0;
  private cells = 0;

  constructor(private readonly builder: BlockTextBuilder) {}

  openTag(name: string): void {
    if (this.skipDepth > 0) {
      if (skippedElements.has(name)) this.skipDepth++;
      return;
    }
    if (name === 'head') {
      this.headOpen = true;
      return;
    }
    if (this.headOpen && !this.leavesHead(name)) return;
    if (skippedElements.has(name)) {
      this.skipDepth++;
      return;
    }
    this.openBodyTag(name);
  }

  text(text: string): void {
    if (this.skipDepth > 0) return;
    if (this.headOpen) {
      this.titleParts?.push(text);
      return;
    }
    if (this.heading) this.heading.parts.push(text);
    else this.paragraph.push(text);
  }

  closeTag(name: string): void {
    if (this.skipDepth > 0) {
      if (skippedElements.has(name)) this.skipDepth--;
      return;
    }
    if (this.closesHeadPart(name) || this.headOpen) return;
    this.closeBodyTag(name);
  }

  /** Closes what is still open and returns the text with its title. */
  finish(): HtmlText {
    this.closeHeading();
    this.flush();
    const extracted = this.builder.finish();
    const title = extracted.firstHeading ?? this.documentTitle;
    return title ? { extracted, title } : { extracted };
  }

  /**
   * A tag opened inside the head: a title starts collecting, an element that can only be in
   * the body ends an unclosed head (true: handle it as body), anything else is dropped.
   */
  private leavesHead(name: string): boolean {
    if (name === 'title') {
      this.titleParts = [];
      return false;
    }
    if (!bodyStarters.has(name)) {
      if (skippedElements.has(name)) this.skipDepth++;
      return false;
    }
    this.headOpen = false;
    return true;
  }

  private openBodyTag(name: string): void {
    const level = /^h([1-6])$/.exec(name)?.[1];
    if (level && this.rows === 0 && !this.heading) {
      this.flush();
      this.heading = { level: Number(level), parts: [] };
      return;
    }
    if (name === 'tr') {
      this.flush();
      this.rows++;
      this.cells = 0;
      return;
    }
    if ((name === 'td' || name === 'th') && this.rows > 0) {
      if (this.cells++ > 0) this.paragraph.push(' | ');
      return;
    }
    if (blockElements.has(name)) this.breakText();
  }

  /** Ends the head or the title; true when the tag was one of them. */
  private closesHeadPart(name: string): boolean {
    if (name === 'head') {
      this.headOpen = false;
      return true;
    }
    if (name === 'title' && this.titleParts) {
      this.documentTitle ??= normalizeInline(this.titleParts.join('')) || undefined;
      this.titleParts = null;
      return true;
    }
    return false;
  }

  private closeBodyTag(name: string): void {
    if (this.heading && name === `h${this.heading.level}`) {
      this.closeHeading();
      return;
    }
    if (name === 'tr' && this.rows > 0) {
      this.flush();
      this.rows--;
      this.cells = 0;
      return;
    }
    if ((name === 'td' || name === 'th') && this.rows > 0) return;
    if (name === 'table') this.flush();
    if (blockElements.has(name)) this.breakText();
  }

  private flush(): void {
    if (this.paragraph.length > 0) this.builder.paragraph(this.paragraph.join(''));
    this.paragraph = [];
  }

  private closeHeading(): void {
    if (this.heading) this.builder.heading(this.heading.level, this.heading.parts.join(''));
    this.heading = null;
  }

  /** A block boundary: a space inside a heading or a table row, else the paragraph ends. */
  private breakText(): void {
    if (this.heading) this.heading.parts.push(' ');
    else if (this.rows > 0) this.paragraph.push(' ');
    else this.flush();
  }
}

/** Plain text of an HTML fragment (scripts and styles dropped, entities decoded). */
export function htmlFragmentText(html: string, maxDepth = documentLimits.maxNestingDepth): string {
  const parts: string[] = [];
  let skipDepth = 0;
  const depth = new ElementDepth(maxDepth);
  const parser = new Parser(
    {
      onopentag(name) {
        depth.open();
        if (skippedElements.has(name)) skipDepth++;
      },
      ontext(text) {
        if (skipDepth === 0) parts.push(text);
      },
      onclosetag(name) {
        depth.close();
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
export function htmlDocument(
  html: string,
  maxDepth = documentLimits.maxNestingDepth,
): ParsedDocument {
  const { extracted, title } = extractHtmlText(html, new BlockTextBuilder(), maxDepth);
  const passages = splitIntoPassages(extracted.text, extracted.blocks, null);
  return title ? { title, passages } : { passages };
}

export const parseHtml: DocumentParser = (file, limits = documentLimits) =>
  guarded(file.fileName, () =>
    htmlDocument(decodeText(file.bytes, file.fileName).text, limits.maxNestingDepth),
  );
