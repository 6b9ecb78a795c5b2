/** Cells longer than this are notices or captions (the AMA notice), never column names. */
const maxHeaderLength = 80;

/** One header cell, prepared for loose matching ("HCPCS/\nCPT Code" -> "hcpcs cpt code"). */
export interface HeaderName {
  /** Lower case, words separated by single spaces, letters and digits split ("col1" -> "col 1"). */
  text: string;
  words: readonly string[];
  /** `text` without spaces ("ACT EFF DT" and "act_eff_dt" -> "acteffdt"). */
  compact: string;
}

export function headerName(raw: string): HeaderName {
  const text =
    raw.length > maxHeaderLength
      ? ''
      : raw
          .toLowerCase()
          .replace(/([a-z])(\d)/g, '$1 $2')
          .replace(/(\d)([a-z])/g, '$1 $2')
          .replace(/[^a-z0-9]+/g, ' ')
          .trim();
  return { text, words: text === '' ? [] : text.split(' '), compact: text.replace(/ /g, '') };
}

export function hasWord(name: HeaderName, ...words: readonly string[]): boolean {
  return words.some((word) => name.words.includes(word));
}

/** Index of the first column passing `test` and not already `taken`, or -1. */
export function findColumn(
  names: readonly HeaderName[],
  test: (name: HeaderName) => boolean,
  taken: readonly number[] = [],
): number {
  return names.findIndex((name, index) => name.text !== '' && !taken.includes(index) && test(name));
}

/** -1 (not found) becomes null, for optional columns. */
export function optionalColumn(index: number): number | null {
  return index < 0 ? null : index;
}

export interface HeaderHit<C> {
  /** Index of the header row among the rows searched. */
  index: number;
  columns: C;
}

/**
 * Finds the header row among the first rows of a table: CMS files put notices and captions
 * above the header, so the first row cannot be assumed to be it.
 */
export function findHeaderRow<C>(
  rows: readonly (readonly string[])[],
  match: (names: HeaderName[]) => C | null,
  limit = 40,
): HeaderHit<C> | null {
  const stop = Math.min(rows.length, limit);
  for (let index = 0; index < stop; index++) {
    const columns = match((rows[index] ?? []).map(headerName));
    if (columns !== null) return { index, columns };
  }
  return null;
}
