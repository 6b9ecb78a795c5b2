import type { Card, CardTable } from '../cards/card-types.ts';
import type { Citation } from '../domain/citation.ts';
import { t, type MessageKey } from '../i18n/translate.ts';
import { clip, textTable } from './text-table.ts';

const TERMINAL_ITEMS_PER_SECTION = 12;
const TERMINAL_ROWS_PER_TABLE = 20;
/** Free text in a table cell (descriptors, rationales) is cut to this many columns. */
const CELL_WIDTH = 36;

/** Footnote numbers for the sources, in the order they are first cited. */
function footnotes() {
  const sources: string[] = [];
  const number = (c: Citation) => {
    const key = c.label ?? `${c.title}${c.version ? ` ${c.version}` : ''}, ${c.locator}`;
    const at = sources.indexOf(key);
    if (at >= 0) return at + 1;
    sources.push(key);
    return sources.length;
  };
  const refs = (citations: readonly Citation[]) =>
    `[${[...new Set(citations.slice(0, 3).map(number))].join(',')}]`;
  return { sources, number, refs };
}

const period = (row: { from: string | null; to: string | null }) =>
  `${row.from ?? '…'} – ${row.to ?? '…'}`;

/** A table fact as header and rows, in the card's language; the source is a footnote. */
function tableRows(
  card: Card,
  table: CardTable,
  note: (c: Citation) => number,
): { caption: string; header: string[]; rows: string[][] } {
  const tr = (key: MessageKey, values?: Record<string, string>) => t(card.lang, key, values);
  const heads = (keys: MessageKey[]) => keys.map((key) => tr(key));
  const source = (c: Citation) => `[${note(c)}]`;
  switch (table.kind) {
    case 'ptp':
      return {
        caption: tr('card.table.ptp'),
        header: heads([
          'card.col.code',
          'card.col.descriptor',
          'card.col.column',
          'card.col.indicator',
          'card.col.period',
          'card.col.bypass',
          'card.col.source',
        ]),
        rows: table.rows.map((r) => [
          r.otherCode,
          clip(r.descriptor, CELL_WIDTH),
          String(r.column),
          tr('card.indicator', { indicator: String(r.modifierIndicator) }),
          period(r),
          r.bypassModifiers.join(', '),
          source(r.citation),
        ]),
      };
    case 'mue':
      return {
        caption: tr('card.table.mue'),
        header: heads([
          'card.col.value',
          'card.col.adjudication',
          'card.col.rationale',
          'card.col.setting',
          'card.col.period',
          'card.col.source',
        ]),
        rows: table.rows.map((r) => [
          String(r.value),
          tr('card.adjudication', { adjudication: String(r.adjudication ?? '') }),
          clip(r.rationale ?? '', CELL_WIDTH),
          tr('card.setting', { setting: r.setting }),
          period(r),
          source(r.citation),
        ]),
      };
    case 'add-on':
      return {
        caption: tr('card.table.addOn'),
        header: heads([
          'card.col.primary',
          'card.col.addOn',
          'card.col.descriptor',
          'card.col.source',
        ]),
        rows: table.rows.map((r) => [
          r.primaryCode,
          r.addOnCode,
          clip(r.descriptor, CELL_WIDTH),
          source(r.citation),
        ]),
      };
  }
}

/**
 * A readable terminal rendering of a card: the glance first, what changed in the releases in
 * force, then the sections (items with footnote numbers, their PTP/MUE/add-on tables as aligned
 * columns), then the sources. Lines are returned unprinted: the caller passes them through the
 * terminal-safe printer.
 */
export function cardText(card: Card): string[] {
  const out: string[] = [];
  const notes = footnotes();
  out.push(card.title);
  out.push(
    `${t(card.lang, 'card.dateOfService', { date: card.dos })} · ${t(card.lang, 'card.setting', { setting: card.setting })}`,
  );
  const glance = card.glance ?? [];
  if (glance.length > 0) {
    out.push('', t(card.lang, 'card.glance').toUpperCase());
    for (const line of glance) {
      const marker = line.lang !== card.lang ? ` [${line.lang}]` : '';
      out.push(`  • ${line.text}${marker} ${notes.refs(line.citations)}`);
    }
  }
  // "Changed in <release>": after the glance, before the details (as the web card shows it).
  for (const changes of card.changes ?? []) {
    out.push('', changes.heading.toUpperCase(), `  ${changes.note}`);
    for (const item of changes.items) out.push(`  • ${item.text} ${notes.refs(item.citations)}`);
  }
  const tables = card.tables ?? [];
  const printTables = (list: readonly CardTable[]) => {
    for (const table of list) {
      if (table.rows.length === 0) continue;
      const { caption, header, rows } = tableRows(card, table, notes.number);
      out.push('', `  ${caption}`);
      const shown = rows.slice(0, TERMINAL_ROWS_PER_TABLE);
      for (const line of textTable(header, shown)) out.push(`  ${line}`);
      const hidden = rows.length - shown.length;
      if (hidden > 0) out.push(`  … ${hidden} more (--json lists every row)`);
    }
  };
  for (const section of card.sections) {
    const own = tables.filter((table) => table.section === section.id);
    out.push('', section.title.toUpperCase());
    for (const item of section.items.slice(0, TERMINAL_ITEMS_PER_SECTION)) {
      const marker = item.lang !== card.lang ? ` [${item.lang}]` : '';
      out.push(`  • ${item.text}${marker} ${notes.refs(item.citations)}`);
    }
    const hidden = section.items.length - TERMINAL_ITEMS_PER_SECTION;
    if (hidden > 0) out.push(`  … ${hidden} more (--json lists every item)`);
    printTables(own);
  }
  // A table whose section the card does not list is still shown, after the sections.
  const sectionIds = new Set(card.sections.map((s) => s.id));
  printTables(tables.filter((table) => !sectionIds.has(table.section)));
  for (const conflict of card.conflicts) out.push('', `! ${conflict.message}`);
  if (card.gaps.length > 0) {
    out.push('');
    for (const gap of card.gaps) out.push(`  – ${gap.message}`);
  }
  out.push('');
  notes.sources.forEach((source, i) => out.push(`[${i + 1}] ${source}`));
  out.push('', card.footer);
  return out;
}
