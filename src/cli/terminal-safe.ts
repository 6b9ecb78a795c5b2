/**
 * Characters a terminal may act on instead of showing: C0 controls but tab and newline (ESC
 * starts sequences that move the cursor, recolour, retitle the window or write the clipboard; CR
 * and BS overwrite what was printed), DEL, C1 controls (U+009B is a one-character CSI), and the
 * bidirectional overrides and isolates that reorder what is shown (Trojan Source).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Everything the CLI prints that may come from a document or a file (titles, passages, file
 * names, error messages) passes through here. Text drops those characters, keeping newlines and
 * tabs as layout. JSON (already escaped below U+0020 by JSON.stringify) gets the rest as \u
 * escapes instead, so the data a program reads stays exactly what the document held.
 */
export function terminalSafe(text: string, as: 'text' | 'json' = 'text'): string {
  if (as === 'text') return text.replace(UNSAFE, '');
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
