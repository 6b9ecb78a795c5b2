import type { CardCitation } from '../../../../src/contracts/cards.ts';
import { citationKey } from '../../components/citations.ts';

/** One document the card cites, numbered once, with each place cited in it listed once. */
export interface SourceGroup {
  number: number;
  documentId: number;
  /** The dataset or document as the server names it ("NCCI PTP, practitioner, v32.0"). */
  source: string;
  places: CardCitation[];
}

/** The document part of a citation's label; older cards without labels use title and version. */
export const sourceOf = (citation: CardCitation): string =>
  citation.source ?? [citation.title, citation.version].filter(Boolean).join(', ');

/**
 * Numbers a card's sources per document in reading order: every citation of a document shares
 * its number, and its rows or pages are listed once under it.
 */
export class SourceGroups {
  private readonly byDocument = new Map<number, SourceGroup>();
  private readonly seen = new Set<string>();
  readonly list: SourceGroup[] = [];

  add(citation: CardCitation): number {
    let group = this.byDocument.get(citation.documentId);
    if (!group) {
      group = {
        number: this.list.length + 1,
        documentId: citation.documentId,
        source: sourceOf(citation),
        places: [],
      };
      this.byDocument.set(citation.documentId, group);
      this.list.push(group);
    }
    const key = citationKey(citation);
    if (!this.seen.has(key)) {
      this.seen.add(key);
      group.places.push(citation);
    }
    return group.number;
  }

  addAll(citations: readonly CardCitation[]): number[] {
    return [...new Set(citations.map((c) => this.add(c)))];
  }
}

/**
 * Places that share their words before a number ("row 9", "row 18") are shown in number order
 * as "row 9, 18": the first in full, the others by number. Others keep their order and words.
 * Returns each shown place's index in `places` and its words.
 */
export function compactPlaces(places: readonly string[]): { at: number; text: string }[] {
  const parts = places.map((place) => /^(\D*?)(\d+)$/.exec(place));
  const first = parts[0];
  const same = first && parts.every((p) => p && p[1] === first[1]);
  if (!same) return places.map((text, at) => ({ at, text }));
  const number = (at: number) => Number(parts[at]![2]);
  return places
    .map((_, at) => at)
    .sort((a, b) => number(a) - number(b))
    .map((at, i) => ({ at, text: i === 0 ? places[at]! : parts[at]![2]! }));
}
