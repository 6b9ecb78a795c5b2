export type Icd10cmKind = 'icd10cm-order' | 'icd10cm-tabular';

// One order-file line: order number, code (left-justified in 7), HIPAA flag, 60-wide short
// description, long description. Matched on a handful of head lines only, so a regex is cheap.
const orderLine = /^\d{5} [A-Z][0-9][0-9A-Z ]{5} [01] .{60} \S/;
// The same line cut off before its long description (a head that ends mid-line).
const orderLineStart = /^\d{5} [A-Z][0-9][0-9A-Z ]{5} [01] /;
const linesToCheck = 5;

/**
 * Recognizes the two ICD-10-CM files by content: the order file by its fixed-width lines, the
 * Tabular List by its root element. The file name only decides when the head holds less than
 * one whole line, and then only for a name that says "order".
 */
export function detectIcd10cmKind(fileName: string, headText: string): Icd10cmKind | null {
  const head = headText.replace(/^\uFEFF/, '');
  if (xmlRootName(head) === 'ICD10CM.tabular') return 'icd10cm-tabular';
  return looksLikeOrderFile(head, fileName) ? 'icd10cm-order' : null;
}

function looksLikeOrderFile(head: string, fileName: string): boolean {
  const lines = head.split('\n');
  // The last piece may be cut off by the head limit; judge it only when nothing else is there.
  const complete = lines.length > 1 ? lines.slice(0, -1) : [];
  const sample = complete
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '')
    .slice(0, linesToCheck);
  if (sample.length > 0) return sample.every((line) => orderLine.test(line));
  const partial = lines[0] ?? '';
  return /order/i.test(fileName) && (orderLine.test(partial) || orderLineStart.test(partial));
}

/** The name of the first element, skipping the XML declaration, comments, PIs and a DOCTYPE. */
function xmlRootName(text: string): string | null {
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at] ?? '')) at++;
    if (text.startsWith('<?', at)) {
      at = endOf(text, '?>', at);
    } else if (text.startsWith('<!--', at)) {
      at = endOf(text, '-->', at);
    } else if (text.startsWith('<!DOCTYPE', at)) {
      // A DOCTYPE is refused when parsed; detection still names the file so the refusal is clear.
      const close = text.indexOf('>', at);
      const subset = text.indexOf('[', at);
      const from =
        subset !== -1 && (close === -1 || subset < close) ? text.indexOf(']', subset) : at;
      const end = from === -1 ? -1 : text.indexOf('>', from);
      if (end === -1) return null;
      at = end + 1;
    } else if (text[at] === '<') {
      return /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(at, at + 200))?.[1] ?? null;
    } else {
      return null;
    }
    if (at <= 0) return null;
  }
}

function endOf(text: string, terminator: string, from: number): number {
  const found = text.indexOf(terminator, from);
  return found === -1 ? -1 : found + terminator.length;
}
