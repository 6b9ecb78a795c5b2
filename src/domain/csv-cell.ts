/**
 * One CSV cell. Cells that a spreadsheet would run as a formula (= + - @, tab, CR) get a leading
 * apostrophe; quotes and separators are quoted.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}
