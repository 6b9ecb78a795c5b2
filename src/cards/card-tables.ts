import type { Setting } from '../domain/setting.ts';
import { rowCitation } from '../library/citations.ts';
import type { AddOnRow, MueRow, PtpRow } from './card-fact-rows.ts';
import type { CardTable } from './card-types.ts';
import { BYPASS_INDICATOR } from './ncci-modifiers.ts';

export interface TableRows {
  edits: PtpRow[];
  mues: MueRow[];
  addOns: AddOnRow[];
}

/** The codes a card's tables name besides its own: their descriptors fill the tables. */
export function otherCodes(code: string, rows: TableRows): string[] {
  return [
    ...rows.edits.map((e) => (e.column1 === code ? e.column2 : e.column1)),
    ...rows.addOns.map((a) => (a.add_on_code === code ? a.primary_code : a.add_on_code)),
  ];
}

/**
 * The card's table facts as tables, each in its section: PTP edits (bundling), the MUEs in force
 * for the setting (reporting) and add-on pairs (modifiers). `descriptors` holds the short
 * descriptors the library's code tables give the other codes; `bypass`, the NCCI-associated
 * modifiers the library defines.
 */
export function cardTables(
  code: string,
  rows: TableRows,
  setting: Setting,
  descriptors: ReadonlyMap<string, string>,
  bypass: readonly string[],
): CardTable[] {
  const tables: CardTable[] = [];
  if (rows.edits.length > 0) {
    tables.push({
      kind: 'ptp',
      section: 'bundling',
      rows: rows.edits.map((edit) => {
        const column = edit.column1 === code ? 1 : 2;
        const otherCode = column === 1 ? edit.column2 : edit.column1;
        return {
          otherCode,
          descriptor: descriptors.get(otherCode) ?? '',
          column,
          modifierIndicator: edit.modifier_indicator,
          rationale: edit.rationale,
          from: edit.effective_from,
          to: edit.deletion_date,
          bypassModifiers: edit.modifier_indicator === BYPASS_INDICATOR ? [...bypass] : [],
          citation: rowCitation(edit),
        };
      }),
    });
  }
  if (rows.mues.length > 0) {
    tables.push({
      kind: 'mue',
      section: 'reporting',
      rows: rows.mues.map((mue) => ({
        value: mue.mue_value,
        adjudication: mue.adjudication,
        rationale: mue.rationale,
        setting,
        from: mue.release_from ?? null,
        to: mue.release_to ?? null,
        citation: rowCitation(mue),
      })),
    });
  }
  if (rows.addOns.length > 0) {
    tables.push({
      kind: 'add-on',
      section: 'modifiers',
      rows: rows.addOns.map((pair) => ({
        primaryCode: pair.primary_code,
        addOnCode: pair.add_on_code,
        descriptor:
          descriptors.get(pair.add_on_code === code ? pair.primary_code : pair.add_on_code) ?? '',
        citation: rowCitation(pair),
      })),
    });
  }
  return tables;
}
