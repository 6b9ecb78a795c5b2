import type { Citation } from '../domain/citation.ts';
import type { LocaleCode } from '../domain/locale.ts';
import { t } from '../i18n/translate.ts';
import type { CitedDocument } from './card-fact-rows.ts';
import type { Card, CardTable } from './card-types.ts';

/** Datasets named by what they are; other documents (code tables, policies) by their title. */
const datasetNames: Record<string, string> = {
  'ncci-ptp': 'NCCI PTP',
  'ncci-mue': 'NCCI MUE',
  hcpcs: 'HCPCS',
  'icd10cm-order': 'ICD-10-CM',
  'icd10cm-tabular': 'ICD-10-CM',
  'mpfs-rvu': 'MPFS RVU',
  gpci: 'MPFS GPCI',
  'mcd-index': 'MCD',
};

/** A title as a reader knows it: the last part of anything that looks like a path. */
export function readableTitle(title: string): string {
  return title.split(/[\\/]/).filter(Boolean).at(-1) ?? title;
}

/** The document part of a label: dataset kind, setting and release, or the title (and release). */
export function sourceName(doc: CitedDocument, lang: LocaleCode): string {
  const dataset = datasetNames[doc.kind];
  const parts = [dataset ?? readableTitle(doc.title)];
  if (dataset && doc.setting) parts.push(t(lang, 'citation.settingName', { setting: doc.setting }));
  if (doc.release && !parts[0]!.includes(doc.release)) parts.push(doc.release);
  return parts.join(', ');
}

/** The place part of a label: "row 10" for a table row, "p. 4" for a page, else a heading. */
export function placeName(locator: string, lang: LocaleCode): string {
  const row = /^(?:line (\d+)|.+ row (\d+))$/.exec(locator);
  if (row) return t(lang, 'citation.row', { row: row[1] ?? row[2]! });
  const page = /^page (\d+)(?:,|$)/.exec(locator);
  if (page) return t(lang, 'citation.page', { page: page[1]! });
  const heading = locator.replace(/,\s*characters\s+\d+-\d+$/, '').split(' > ');
  const last = heading.at(-1)?.trim() ?? '';
  return last === 'text' ? '' : readableTitle(last);
}

/** The citation with its reader's words (unchanged when its document is unknown). */
export function labelCitation(
  citation: Citation,
  docs: ReadonlyMap<number, CitedDocument>,
  lang: LocaleCode,
): Citation {
  const doc = docs.get(citation.documentId);
  const source = doc
    ? sourceName(doc, lang)
    : readableTitle(citation.title) + (citation.version ? `, ${citation.version}` : '');
  const heading = placeName(citation.locator, lang);
  // A heading path that starts and ends with the document's own title names no place.
  const place = heading === readableTitle(citation.title) ? '' : heading;
  return { ...citation, source, place, label: place ? `${source}, ${place}` : source };
}

/** Every citation a card shows: glance, tables, sections and conflicts. */
export function cardCitations(
  card: Omit<Card, 'glance'> & Partial<Pick<Card, 'glance'>>,
): Citation[] {
  return [
    ...(card.glance ?? []).flatMap((line) => line.citations),
    ...card.tables.flatMap((table) => tableCitations(table)),
    ...card.sections.flatMap((s) => s.items.flatMap((item) => item.citations)),
    ...card.conflicts.flatMap((c) => c.citations),
    ...(card.changes ?? []).flatMap((c) => c.items.flatMap((item) => item.citations)),
  ];
}

function tableCitations(table: CardTable): Citation[] {
  return table.rows.map((row) => row.citation);
}

/** The card with every citation labelled. */
export function labelCard(card: Card, docs: ReadonlyMap<number, CitedDocument>): Card {
  const label = (c: Citation) => labelCitation(c, docs, card.lang);
  const labelAll = (list: Citation[]) => list.map(label);
  return {
    ...card,
    glance: card.glance.map((line) => ({ ...line, citations: labelAll(line.citations) })),
    tables: card.tables.map(
      (table) =>
        ({
          ...table,
          rows: table.rows.map((row) => ({ ...row, citation: label(row.citation) })),
        }) as CardTable,
    ),
    sections: card.sections.map((s) => ({
      ...s,
      items: s.items.map((item) => ({ ...item, citations: labelAll(item.citations) })),
    })),
    conflicts: card.conflicts.map((c) => ({ ...c, citations: labelAll(c.citations) })),
    ...(card.changes
      ? {
          changes: card.changes.map((c) => ({
            ...c,
            items: c.items.map((item) => ({ ...item, citations: labelAll(item.citations) })),
          })),
        }
      : {}),
  };
}
