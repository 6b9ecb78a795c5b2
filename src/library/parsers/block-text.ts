import type { TextBlock } from './passage-splitter.ts';

/** Headings longer than this are paragraphs set in a large font, not headings. */
export const maxHeadingChars = 200;

/** The headings in force: a new heading closes every open heading of its level or deeper. */
export class HeadingStack {
  private readonly open: { level: number; text: string }[] = [];
  private cached: readonly string[] = [];

  enter(level: number, text: string): void {
    while (this.open.length > 0 && (this.open.at(-1)?.level ?? 0) >= level) this.open.pop();
    this.open.push({ level, text });
    this.cached = this.open.map((h) => h.text);
  }

  /** The path as an immutable array, shared by blocks until the next heading. */
  get path(): readonly string[] {
    return this.cached;
  }
}

/**
 * Collapses runs of whitespace (including no-break spaces); drops soft hyphens, zero-width
 * spaces, word joiners and stray BOMs (joiners that shape scripts and emoji are kept).
 */
export function normalizeInline(raw: string): string {
  return raw
    .replace(/[\u00ad\u200b\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface ExtractedText {
  /** Blocks separated by blank lines; headings included as their own lines. */
  text: string;
  /** Paragraph blocks (not headings), with offsets into `text`. */
  blocks: TextBlock[];
  /** The first level-1 heading, when there is one. */
  firstHeading?: string;
}

/**
 * Builds an extracted text out of headings and paragraphs for the HTML, DOCX and Markdown
 * parsers (and PDF pages): normalized paragraphs joined by blank lines, with block offsets.
 */
export class BlockTextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly blocks: TextBlock[] = [];
  private firstHeading: string | undefined;

  constructor(readonly headings: HeadingStack = new HeadingStack()) {}

  heading(level: number, raw: string): void {
    const text = normalizeInline(raw);
    if (!text) return;
    if (text.length > maxHeadingChars) {
      this.paragraph(text);
      return;
    }
    this.append(text);
    this.headings.enter(level, text);
    if (level === 1) this.firstHeading ??= text;
  }

  paragraph(raw: string): void {
    const text = normalizeInline(raw);
    if (!text) return;
    const start = this.append(text);
    this.blocks.push({ start, end: start + text.length, headingPath: this.headings.path });
  }

  finish(): ExtractedText {
    const extracted: ExtractedText = { text: this.parts.join(''), blocks: this.blocks };
    if (this.firstHeading) extracted.firstHeading = this.firstHeading;
    return extracted;
  }

  private append(text: string): number {
    if (this.length > 0) {
      this.parts.push('\n\n');
      this.length += 2;
    }
    const start = this.length;
    this.parts.push(text);
    this.length += text.length;
    return start;
  }
}
