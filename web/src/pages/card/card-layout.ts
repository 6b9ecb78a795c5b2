import type { Card, CardConflict, CardItem, CardSection } from '../../../../src/contracts/cards.ts';
import { Footnotes } from '../../components/citations.ts';

/** A date of service as the card's address and date field accept it. */
export const isoDate = /^\d{4}-\d{2}-\d{2}$/;
/** Footnote ids on the card page ("card-note-3"). */
export const CARD_NOTE_PREFIX = 'card';

export interface LaidOutItem {
  item: CardItem;
  notes: number[];
}

export interface LaidOutConflict {
  conflict: CardConflict;
  notes: number[];
}

export interface LaidOutSection {
  section: CardSection;
  items: LaidOutItem[];
  conflicts: LaidOutConflict[];
}

export interface CardLayout {
  sections: LaidOutSection[];
  /** Conflicts about a section the card does not show. */
  otherConflicts: LaidOutConflict[];
  footnotes: Footnotes;
}

/** The card in reading order with its sources numbered as a reader meets them. */
export function layoutCard(card: Card): CardLayout {
  const footnotes = new Footnotes();
  const sections = card.sections.map((section) => ({
    section,
    items: section.items.map((item) => ({ item, notes: footnotes.addAll(item.citations) })),
    conflicts: card.conflicts
      .filter((conflict) => conflict.section === section.id)
      .map((conflict) => ({ conflict, notes: footnotes.addAll(conflict.citations) })),
  }));
  const shown = new Set(card.sections.map((section) => section.id as string));
  const otherConflicts = card.conflicts
    .filter((conflict) => !shown.has(conflict.section))
    .map((conflict) => ({ conflict, notes: footnotes.addAll(conflict.citations) }));
  return { sections, otherConflicts, footnotes };
}
