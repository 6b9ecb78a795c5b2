import type { CitationData } from '../../components/citations.ts';

export interface TextBlock {
  kind: 'paragraph' | 'list';
  lines: string[];
}

/** The answer's lines as paragraphs, with "- " lines gathered into lists. */
export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const item = /^[-•*]\s+(.*)$/.exec(line);
    const last = blocks.at(-1);
    if (item) {
      if (last?.kind === 'list') last.lines.push(item[1]!);
      else blocks.push({ kind: 'list', lines: [item[1]!] });
    } else blocks.push({ kind: 'paragraph', lines: [line] });
  }
  return blocks;
}

const normalize = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2068\u2069\u200e\u200f]/g, '')
    .replace(/[“”«»„"‘’']/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[.;:,]+$/, '')
    .trim();

/**
 * The citations a line of an answer rests on: those whose quoted words are in the line, or
 * that contain the whole line (answers quote sentences, sometimes shortened).
 */
export function citationsForLine(line: string, citations: readonly CitationData[]): CitationData[] {
  const text = normalize(line);
  if (text.length < 12) return [];
  return citations.filter((citation) => {
    if (!citation.quote) return false;
    const quote = normalize(citation.quote);
    return quote.length > 0 && (text.includes(quote) || quote.includes(text));
  });
}

/** Whether a quote is already on screen as one of the answer's lines. */
export function quoteShown(quote: string | undefined, lines: readonly string[]): boolean {
  if (!quote) return false;
  const target = normalize(quote);
  return lines.some((line) => normalize(line) === target);
}
