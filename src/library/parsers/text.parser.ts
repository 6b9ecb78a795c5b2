import type { DocumentParser, ParsedDocument } from '../import-kind.ts';
import { decodeText } from '../intake/decode-text.ts';
import { documentLimits } from '../intake/limits.ts';
import { HeadingStack, maxHeadingChars } from './block-text.ts';
import { guarded } from './parser-guard.ts';
import { splitIntoPassages, type TextBlock } from './passage-splitter.ts';
import { checkLineLengths } from './work-limits.ts';

/** Heading lines are short. */
const maxHeadingLine = 80;

/**
 * Plain text: paragraphs are separated by blank lines; offsets point into the decoded file
 * text itself, so passages are exact slices of the source. Heading rules, kept predictable:
 * - an ALL-CAPS line (3+ capital letters, no lower case, no closing . , ;) under 80 characters
 *   that starts a paragraph is a level-1 heading;
 * - a numbered line standing alone ("1. Scope", "2.3 Billing", not ending in ".") is a
 *   heading one level per number part below the capitals;
 * - a line ending in ":" standing alone is the deepest heading level.
 * Titles: the first non-blank line.
 */
export function parsePlainText(text: string): ParsedDocument {
  const headings = new HeadingStack();
  const blocks: TextBlock[] = [];
  let title: string | undefined;
  for (const paragraph of paragraphs(text)) {
    const [first] = paragraph.lines;
    if (!first) continue;
    title ??= text.slice(first.start, first.end).trim().slice(0, maxHeadingChars);
    const line = text.slice(first.start, first.end).trim();
    const level = headingLevel(line, paragraph.lines.length === 1);
    let start = paragraph.start;
    if (level !== null) {
      headings.enter(level, line.replace(/\s*:$/, ''));
      start = first.end;
    }
    if (start < paragraph.end)
      blocks.push({ start, end: paragraph.end, headingPath: headings.path });
  }
  const passages = splitIntoPassages(text, blocks, null);
  return title ? { title, passages } : { passages };
}

function headingLevel(line: string, alone: boolean): number | null {
  if (line.length === 0 || line.length > maxHeadingLine) return null;
  const capitals = line.match(/\p{Lu}/gu)?.length ?? 0;
  if (capitals >= 3 && !/\p{Ll}/u.test(line) && !/[.,;]$/.test(line)) return 1;
  if (!alone) return null;
  const numbered = /^(\d+(?:\.\d+)*)\.?\s+\p{L}/u.exec(line);
  if (numbered?.[1] && !/[.;,]$/.test(line)) return 1 + numbered[1].split('.').length;
  if (/\p{L}.*:$/u.test(line)) return 9;
  return null;
}

interface Line {
  start: number;
  end: number;
}

interface Paragraph {
  start: number;
  end: number;
  lines: Line[];
}

/** Runs of non-blank lines (any of \n, \r\n, \r end a line). */
function* paragraphs(text: string): Generator<Paragraph> {
  let lines: Line[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  let at = 0;
  for (;;) {
    const match = lineBreak.exec(text);
    const end = match ? match.index : text.length;
    if (text.slice(at, end).trim() === '') {
      if (lines.length > 0) yield toParagraph(lines);
      lines = [];
    } else {
      lines.push({ start: at, end });
    }
    if (!match) break;
    at = end + match[0].length;
  }
  if (lines.length > 0) yield toParagraph(lines);
}

function toParagraph(lines: Line[]): Paragraph {
  return { start: lines[0]?.start ?? 0, end: lines.at(-1)?.end ?? 0, lines };
}

export const parseText: DocumentParser = (file, limits = documentLimits) =>
  guarded(file.fileName, () => {
    checkLineLengths(file.bytes, limits.maxLineBytes);
    return parsePlainText(decodeText(file.bytes, file.fileName).text);
  });
