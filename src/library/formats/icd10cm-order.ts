import { CodecardError, parseFailed } from '../../errors/codecard-error.ts';
import type {
  DatasetMeta,
  ImportOptions,
  SourceFile,
  StructuredParse,
  StructuredParser,
} from '../import-kind.ts';
import { decodeText } from '../intake/decode-text.ts';
import type { DescriptorFact, ParsedRecord, SkippedRow } from './fact-record.ts';
import { icd10cmReleaseFromFileName } from './icd10cm-release.ts';
import { formatIcd10cm } from '../../domain/code-shape.ts';

/*
 * CMS "code descriptions in tabular order" layout (1-based columns): order number 1-5, code
 * 7-13 (no dot, left-justified), valid-for-HIPAA flag 15, short description 17-76, long
 * description 78 to end of line. Indexes below are 0-based.
 */
const CODE_START = 6;
const CODE_END = 13;
const FLAG = 14;
const SHORT_START = 16;
const SHORT_END = 76;
const LONG_START = 77;

/**
 * Parses the ICD-10-CM order file: one descriptor per line, billable from the HIPAA flag.
 * Lines are sliced by column rather than matched by a regex, because the full file is ~95k lines
 * and the layout is fixed. A line that does not fit the layout is skipped with a reason; a file
 * where no line fits is not an order file and fails.
 */
export const parseIcd10cmOrder: StructuredParser = (file, options) =>
  // The executor turns a synchronous throw into a rejection, as callers of a parser expect.
  new Promise((resolve) => resolve(readIcd10cmOrder(file, options)));

function readIcd10cmOrder(file: SourceFile, options: ImportOptions): StructuredParse {
  if (file.bytes.length === 0) throw new CodecardError('EMPTY_FILE', { file: file.fileName });
  const { text } = decodeText(file.bytes, file.fileName);
  const records: ParsedRecord[] = [];
  let descriptors = 0;
  let firstSkip: SkippedRow | null = null;
  let lineNumber = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNumber++;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const line = text.slice(start, lineEnd);
    start = end + 1;
    if (line.trim() === '') continue;
    const record = parseOrderLine(line, `line ${lineNumber}`);
    if (record.kind === 'descriptor') descriptors++;
    else firstSkip ??= record;
    records.push(record);
  }
  if (descriptors === 0) {
    const why = firstSkip ? `${firstSkip.locator}: ${firstSkip.reason}` : 'no lines';
    throw parseFailed(file.fileName, `no line has the ICD-10-CM order-file layout (${why})`);
  }
  return {
    meta: orderMeta(file.fileName, options.effective),
    estimatedRecords: records.length,
    records,
  };
}

function orderMeta(fileName: string, effective: string | undefined): DatasetMeta {
  const release = icd10cmReleaseFromFileName(fileName);
  const meta: DatasetMeta = {
    system: 'icd10cm',
    publisher: 'CDC/NCHS and CMS',
    title: 'ICD-10-CM code descriptions in tabular order',
  };
  if (release) {
    meta.release = release.release;
    meta.effectiveFrom = release.effectiveFrom;
    meta.title = `${meta.title}, ${release.release}`;
  }
  if (effective !== undefined) meta.effectiveFrom = effective;
  return meta;
}

function parseOrderLine(line: string, locator: string): DescriptorFact | SkippedRow {
  const skip = (reason: string): SkippedRow => ({ kind: 'skip', reason, locator });
  if (line.length <= LONG_START) {
    return skip(
      `${line.length} characters is too short for the order-file layout (long description starts at column 78)`,
    );
  }
  for (let i = 0; i < 5; i++) {
    if (!isDigit(line.charCodeAt(i))) return skip('columns 1-5 are not a 5-digit order number');
  }
  if (
    line[5] !== ' ' ||
    line[CODE_END] !== ' ' ||
    line[FLAG + 1] !== ' ' ||
    line[SHORT_END] !== ' '
  ) {
    return skip('columns 6, 14, 16 and 77 must be blank separators');
  }
  const rawCode = line.slice(CODE_START, CODE_END).trimEnd();
  if (!isCompactIcd10cm(rawCode)) {
    return skip(`columns 7-13 ("${rawCode}") are not an ICD-10-CM code without its dot`);
  }
  const flag = line[FLAG];
  if (flag !== '0' && flag !== '1') {
    return skip(`column 15 is "${flag ?? ''}": the valid-for-HIPAA flag must be 0 or 1`);
  }
  const longDescription = line.slice(LONG_START).trim();
  if (longDescription === '') return skip('the long description (column 78 on) is empty');
  const shortDescription = line.slice(SHORT_START, SHORT_END).trim();
  return {
    kind: 'descriptor',
    system: 'icd10cm',
    code: formatIcd10cm(rawCode),
    longDescription,
    shortDescription: shortDescription === '' ? null : shortDescription,
    billable: flag === '1',
    attributes: { order: line.slice(0, 5) },
    locator,
  };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpperOrDigit(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 90);
}

/**
 * Letter, digit, then 1-5 letters or digits (3-7 characters). Written out rather than reusing
 * the shape patterns in codes/normalize.ts, which leave out U (U07.1 COVID-19 is a real code).
 */
function isCompactIcd10cm(code: string): boolean {
  if (code.length < 3 || code.length > 7) return false;
  const first = code.charCodeAt(0);
  if (first < 65 || first > 90 || !isDigit(code.charCodeAt(1))) return false;
  for (let i = 2; i < code.length; i++) {
    if (!isUpperOrDigit(code.charCodeAt(i))) return false;
  }
  return true;
}
