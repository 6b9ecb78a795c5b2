/** Columns a terminal shows two cells wide (CJK, Hangul, fullwidth forms). */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
/** Marks that sit on the previous character and take no column of their own. */
const ZERO = /[\p{Mn}\p{Me}\u200b-\u200f\u2060-\u2064\ufeff]/u;

/** How many terminal columns the text takes (an approximation of wcwidth, good for tables). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += ZERO.test(char) ? 0 : WIDE.test(char) ? 2 : 1;
  return width;
}

/** The text cut to at most `max` columns, with an ellipsis when something was cut. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (displayWidth(flat) <= max) return flat;
  let out = '';
  for (const char of flat) {
    if (displayWidth(out + char) > max - 1) break;
    out += char;
  }
  return `${out.trimEnd()}…`;
}

/**
 * Rows under a header as aligned plain-text columns, two spaces apart, with a rule under the
 * header; cells are single lines (whitespace folded). Trailing spaces are trimmed.
 */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string[] {
  const flat = [header, ...rows].map((row) => row.map((cell) => cell.replace(/\s+/g, ' ').trim()));
  const widths = header.map((_, i) => Math.max(...flat.map((row) => displayWidth(row[i] ?? ''))));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => cell + ' '.repeat(widths[i]! - displayWidth(cell)))
      .join('  ')
      .trimEnd();
  const [head, ...body] = flat;
  return [line(head!), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)];
}
