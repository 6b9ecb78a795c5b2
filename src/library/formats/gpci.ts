import { parseFailed } from '../../errors/codecard-error.ts';
import type { ImportOptions, SourceFile, StructuredParser } from '../import-kind.ts';
import { definedMeta } from './dataset-meta.ts';
import type { GpciFact, ParsedRecord } from './fact-record.ts';
import {
  findColumn,
  findHeaderRow,
  hasWord,
  optionalColumn,
  type HeaderName,
} from './header-match.ts';
import { reiterable } from './reiterable.ts';
import { clip, skipRow } from './skipped-row.ts';
import { cellAt, headCells, isBlankRow, rowsAfter } from './table-rows.ts';
import { readTable, type TableRow, type TableSource } from './table-source.ts';

export interface GpciColumns {
  mac: number | null;
  state: number | null;
  localityNumber: number | null;
  localityName: number;
  work: number | null;
  pe: number | null;
  mp: number | null;
}

const isGpci = (n: HeaderName) => hasWord(n, 'gpci', 'gpcis') || n.compact.includes('gpci');

/**
 * The Addendum E header: a locality name column and at least two of the work (PW), practice
 * expense (PE) and malpractice (MP) GPCI columns; MAC, state and locality number when present.
 */
export function matchGpciHeader(names: HeaderName[]): GpciColumns | null {
  const work = findColumn(names, (n) => isGpci(n) && hasWord(n, 'pw', 'work'));
  const pe = findColumn(names, (n) => isGpci(n) && hasWord(n, 'pe', 'practice'), [work]);
  const mp = findColumn(names, (n) => isGpci(n) && hasWord(n, 'mp', 'malpractice'), [work, pe]);
  if ([work, pe, mp].filter((c) => c >= 0).length < 2) return null;
  const taken = [work, pe, mp];
  const localityNumber = findColumn(
    names,
    (n) => hasWord(n, 'locality') && hasWord(n, 'number', 'no', 'num', 'code', 'id'),
    taken,
  );
  const localityName = findColumn(
    names,
    (n) => hasWord(n, 'locality', 'area') && !hasWord(n, 'number', 'no', 'num', 'code', 'id'),
    [...taken, localityNumber],
  );
  if (localityName < 0) return null;
  const state = findColumn(names, (n) => hasWord(n, 'state'), [...taken, localityName]);
  const mac = findColumn(names, (n) => hasWord(n, 'mac', 'contractor', 'carrier'), [
    ...taken,
    localityName,
    localityNumber,
    state,
  ]);
  return {
    mac: optionalColumn(mac),
    state: optionalColumn(state),
    localityNumber: optionalColumn(localityNumber),
    localityName,
    work: optionalColumn(work),
    pe: optionalColumn(pe),
    mp: optionalColumn(mp),
  };
}

const index = /^\d+(?:\.\d+)?$/;
/** Footnote marks: the asterisks a locality name or a column header ends with. */
const marks = (text: string) => /(\*+)\s*$/.exec(text)?.[1] ?? '';

/**
 * Geographic Practice Cost Indices (CMS PFS Addendum E): one fact per Medicare locality with its
 * line, the file's footnotes attached to the rows (and columns) whose asterisks refer to them.
 * The calendar year in the title or headers dates the dataset (CY 2026 → 2026-01-01).
 */
export const parseGpci: StructuredParser = async (file, options) => {
  const table = await readTable(file);
  const head = headCells(table);
  const header = findHeaderRow(head, matchGpciHeader);
  if (header === null) {
    throw parseFailed(
      file.fileName,
      'no GPCI table found: no header naming the locality and the work, PE and MP GPCI columns',
    );
  }
  const headerCells = head[header.index] ?? [];
  const footnotes = collectFootnotes(rowsAfter(table, header.index + 1));
  // A mark on a GPCI column header ("PW GPCI (with 1.0 Floor)***") applies to every row.
  const columnNotes = [header.columns.work, header.columns.pe, header.columns.mp]
    .map((column) => footnotes.get(marks(cellAt(headerCells, column))))
    .filter((note): note is string => note !== undefined);
  return {
    meta: gpciMeta(file, options, head.slice(0, header.index + 1)),
    estimatedRecords: Math.max(0, table.estimatedRows - header.index - 1),
    records: reiterable(() =>
      gpciRecords(table, header.index + 1, header.columns, footnotes, columnNotes),
    ),
  };
};

function* gpciRecords(
  table: TableSource,
  skip: number,
  columns: GpciColumns,
  footnotes: ReadonlyMap<string, string>,
  columnNotes: readonly string[],
): Generator<ParsedRecord> {
  for (const { cells, locator } of rowsAfter(table, skip)) {
    if (isBlankRow(cells)) {
      yield skipRow('blank row', locator);
      continue;
    }
    const value = (column: number | null) => cellAt(cells, column) || null;
    const gpcis = [value(columns.work), value(columns.pe), value(columns.mp)];
    const localityName = cellAt(cells, columns.localityName);
    if (localityName === '' || !gpcis.some((v) => v !== null && index.test(v))) {
      yield skipRow(`notice line "${clip(cells.find((c) => c !== '') ?? '')}"`, locator);
      continue;
    }
    const own = footnotes.get(marks(localityName));
    const fact: GpciFact = {
      kind: 'gpci',
      mac: cellAt(cells, columns.mac),
      state: cellAt(cells, columns.state).toUpperCase(),
      localityNumber: cellAt(cells, columns.localityNumber),
      localityName,
      workGpci: gpcis[0] ?? null,
      peGpci: gpcis[1] ?? null,
      mpGpci: gpcis[2] ?? null,
      notes: [...(own ? [own] : []), ...columnNotes],
      locator,
    };
    yield fact;
  }
}

/**
 * Footnotes below the rows: a line starting with asterisks, continued by the next lines up to
 * a blank one ("***Note: ... extended through January 1, 2027" / "Therefore, ...").
 */
function collectFootnotes(rows: Iterable<TableRow>): Map<string, string> {
  const notes = new Map<string, string>();
  let open: string | null = null;
  for (const { cells } of rows) {
    const text = cells.filter((c) => c !== '').join(' ');
    if (text === '') {
      open = null;
      continue;
    }
    const mark = /^(\*+)/.exec(text)?.[1];
    if (mark) {
      open = mark;
      notes.set(mark, text.slice(mark.length).trim());
    } else if (open !== null && !/^\d/.test(cells[0] ?? '')) {
      notes.set(open, `${notes.get(open) ?? ''} ${text}`.trim());
    } else {
      open = null;
    }
  }
  return notes;
}

function gpciMeta(file: SourceFile, options: ImportOptions, head: readonly string[][]) {
  const cells = head.flat();
  const title = cells.find((c) => /geographic practice cost|gpci/i.test(c) && c.length > 30);
  const year =
    /\bCY\s*(\d{4})\b/i.exec(title ?? '')?.[1] ??
    cells.map((c) => /^(20\d\d)\b.*gpci/i.exec(c)?.[1]).find((y) => y !== undefined) ??
    /(?:^|[^\d])(20\d\d)(?:[^\d]|$)/.exec(file.fileName)?.[1];
  return definedMeta({
    release: year ? `CY${year}` : undefined,
    effectiveFrom: options.effective ?? (year ? `${year}-01-01` : undefined),
    title: options.title ?? title,
    publisher: title ? 'CMS' : undefined,
  });
}
