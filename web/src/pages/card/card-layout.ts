import type {
  Card,
  CardConflict,
  CardItem,
  CardSection,
  CardTable,
  GlanceLine,
} from '../../../../src/contracts/cards.ts';
import { SourceGroups } from './source-groups.ts';

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

export interface LaidOutGlanceLine {
  line: GlanceLine;
  notes: number[];
}

export interface LaidOutSection {
  section: CardSection;
  tables: CardTable[];
  /** What the heading counts: the section's statements and table rows. */
  count: number;
  items: LaidOutItem[];
  conflicts: LaidOutConflict[];
}

export interface CardLayout {
  glance: LaidOutGlanceLine[];
  sections: LaidOutSection[];
  /** Conflicts about a section the card does not show. */
  otherConflicts: LaidOutConflict[];
  footnotes: SourceGroups;
}

/** The card in reading order with its sources numbered (per document) as a reader meets them. */
export function layoutCard(card: Card): CardLayout {
  const footnotes = new SourceGroups();
  const glance = (card.glance ?? []).map((line) => ({
    line,
    notes: footnotes.addAll(line.citations),
  }));
  const allTables = card.tables ?? [];
  const sections = card.sections.map((section) => {
    const tables = allTables.filter((table) => table.section === section.id);
    for (const table of tables) for (const row of table.rows) footnotes.add(row.citation);
    return {
      section,
      tables,
      count: section.items.length + tables.reduce((n, table) => n + table.rows.length, 0),
      items: section.items.map((item) => ({ item, notes: footnotes.addAll(item.citations) })),
      conflicts: card.conflicts
        .filter((conflict) => conflict.section === section.id)
        .map((conflict) => ({ conflict, notes: footnotes.addAll(conflict.citations) })),
    };
  });
  const shown = new Set(card.sections.map((section) => section.id as string));
  const otherConflicts = card.conflicts
    .filter((conflict) => !shown.has(conflict.section))
    .map((conflict) => ({ conflict, notes: footnotes.addAll(conflict.citations) }));
  return { glance, sections, otherConflicts, footnotes };
}
