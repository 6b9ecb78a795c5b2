import type { SkippedRow } from './fact-record.ts';
import { hcpcsFixedWidth, type HcpcsField } from './hcpcs-fields.ts';
import type { HcpcsLine } from './hcpcs-record.ts';
import { skipRow } from './skipped-row.ts';

// Code (modifiers right-justified: "   A1"), five-digit sequence, then the record id.
const recordStart = /^[ 0-9A-Z]{5}\d{5}[3478]/;

/**
 * The CMS fixed-width TXT release: lines starting with a code, a sequence number and a record
 * id, the main records carrying detail fields out to column 293.
 */
export function looksLikeHcpcsFixedWidth(text: string): boolean {
  const lines = text.slice(0, 65_536).split('\n', 200);
  const records = lines.filter((line) => recordStart.test(line));
  return (
    records.length >= 2 &&
    records.some((line) => (line[10] === '3' || line[10] === '7') && line.trimEnd().length >= 200)
  );
}

/**
 * Reads lines lazily. Lines before the first record are the disclaimer preamble and are passed
 * over; later lines that are not records become skips.
 */
export function* hcpcsFixedWidthLines(text: string): Generator<HcpcsLine | SkippedRow> {
  let start = 0;
  let lineNumber = 0;
  let started = false;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNumber++;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const line = text.slice(start, stop);
    start = end + 1;
    const locator = `line ${lineNumber}`;
    if (!recordStart.test(line)) {
      if (started)
        yield skipRow(line.trim() === '' ? 'blank line' : 'not an HCPCS record', locator);
      continue;
    }
    started = true;
    yield readLine(line, locator);
  }
}

function readLine(line: string, locator: string): HcpcsLine {
  const take = (span: readonly [number, number]) => line.slice(span[0] - 1, span[1]).trim();
  const recordId = take(hcpcsFixedWidth.recordId);
  const fields: Partial<Record<HcpcsField, string>> = {};
  // Continuation lines carry only description text; their other columns are blank.
  if (recordId === '3' || recordId === '7') {
    for (const [field, from, to] of hcpcsFixedWidth.fields) {
      const value = line.slice(from - 1, to).trim();
      if (value === '') continue;
      const previous = fields[field];
      fields[field] = previous === undefined ? value : `${previous},${value}`;
    }
  }
  return {
    code: take(hcpcsFixedWidth.code).toUpperCase(),
    recordId,
    longDescription: take(hcpcsFixedWidth.longDescription),
    fields,
    locator,
  };
}
