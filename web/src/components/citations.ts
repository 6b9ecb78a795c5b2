import type { Translate } from '../i18n/locale-context.tsx';

/** What every cited statement carries: the document, its version and the place in it. */
export interface CitationData {
  documentId: number;
  title: string;
  version: string | null;
  locator: string;
  /** The exact words of a prose source. */
  quote?: string;
}

/** The source viewer's address for a citation. */
export const sourceHref = (citation: Pick<CitationData, 'documentId' | 'locator'>): string =>
  `/sources/${citation.documentId}?locator=${encodeURIComponent(citation.locator)}`;

/** Two citations of the same place are one source. */
export const citationKey = (citation: Pick<CitationData, 'documentId' | 'locator'>): string =>
  `${citation.documentId}\u0000${citation.locator}`;

/**
 * A locator in the reader's words: "line 16" → "Zeile 16", "page 2, characters 1217-1269" →
 * "page 2", "Guide > Modifiers, characters 10-80" → "Guide › Modifiers" (→ "Modifiers" when `title` is
 * "Guide"). Anything else as stored.
 */
export function formatLocator(locator: string, t: Translate, title?: string): string {
  let match = /^line (\d+)$/.exec(locator);
  if (match) return t('citation.line', { line: match[1]! });
  match = /^page (\d+)(?:, characters \d+-\d+)?$/.exec(locator);
  if (match) return t('citation.page', { page: match[1]! });
  match = /^(.+) row (\d+)$/.exec(locator);
  if (match) return t('citation.sheetRow', { sheet: match[1]!, row: match[2]! });
  const path = locator.replace(/,\s*characters\s+\d+-\d+$/, '').split(' > ');
  // A heading path starts with the document's own title, already named beside it.
  if (title !== undefined && path.length > 1 && path[0] === title) path.shift();
  return path.join(' › ');
}

export interface Footnote {
  number: number;
  citation: CitationData;
}

/**
 * Numbers the sources of a page in reading order: the same source cited twice keeps its first
 * number. Walk the content in display order with `add`, then render with `number` and `list`.
 */
export class Footnotes {
  private readonly numbers = new Map<string, number>();
  readonly list: Footnote[] = [];

  add(citation: CitationData): number {
    const key = citationKey(citation);
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = this.list.length + 1;
      this.numbers.set(key, number);
      this.list.push({ number, citation });
    }
    return number;
  }

  addAll(citations: readonly CitationData[]): number[] {
    return [...new Set(citations.map((c) => this.add(c)))];
  }
}
