/** A cell separator as the parsers write table rows ("a | b") or as raw Markdown has them. */
const cellSeparator = /\s\|\s|^\s*\||\|\s*$/;
/** A Markdown separator row: pipes, dashes, colons and plus signs only ("|---|:--:|"). */
const separatorRow = /^[\s|:+=-]*-{3,}[\s|:+=-]*$/;

/**
 * Whether a "sentence" is a table row (a header row, a data row, a separator row) rather than
 * prose: rows are facts only as table imports read them, never statements on a card.
 */
export function isTableRowText(text: string): boolean {
  return separatorRow.test(text) || cellSeparator.test(text);
}
