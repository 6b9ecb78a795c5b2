import { CodecardError } from '../errors/codecard-error.ts';
import { detectIcd10cmKind } from './formats/icd10cm-detect.ts';
import { detectStructuredKind, detectStructuredKindFromRows } from './formats/detect-structured.ts';
import { headCells } from './formats/table-rows.ts';
import { readWorkbook } from './formats/table-source.ts';
import { workbookLimits } from './formats/workbook-limits.ts';
import { isStructuredKind, type ImportKind, type SourceFile } from './import-kind.ts';
import { decodeText } from './intake/decode-text.ts';
import { sniffContainer, type Container } from './intake/sniff.ts';

const HEAD_BYTES = 64 * 1024;
const HEAD_ROWS = 40;

/**
 * Decides how to import a file: the container from its bytes, then the table format from its
 * header rows. An explicit kind overrides detection, but only where the container can hold it
 * (a PDF cannot be imported as a PTP table).
 */
export async function detectKind(file: SourceFile, override?: ImportKind): Promise<ImportKind> {
  const { container, xmlRoot } = sniffContainer(file.bytes, file.fileName);
  if (override) return checkOverride(file.fileName, container, override);
  switch (container) {
    case 'pdf':
    case 'docx':
    case 'html':
      return container;
    case 'xml':
      refuseDoctype(file);
      if (xmlRoot === 'ICD10CM.tabular') return 'icd10cm-tabular';
      throw new CodecardError('UNKNOWN_TYPE', {
        file: file.fileName,
        detail: `XML with root element <${xmlRoot ?? '?'}> is not a format Codecard reads (the ICD-10-CM Tabular List is)`,
      });
    case 'xlsx': {
      // The kind shows in the first rows (headCells): the rest of the sheet is read on import.
      const table = await readWorkbook(file, workbookLimits, HEAD_ROWS);
      const kind = detectStructuredKindFromRows(file.fileName, headCells(table));
      if (kind) return kind;
      throw new CodecardError('UNKNOWN_TYPE', {
        file: file.fileName,
        detail:
          'the workbook headers match no known table (NCCI PTP/MUE, HCPCS, code descriptors, RVU, add-on, coverage, GPCI, coverage database index); name the kind with --kind',
      });
    }
    case 'text':
      return detectTextKind(file);
  }
}

/** XML that declares a DTD is refused outright: no entity of any kind is ever expanded. */
function refuseDoctype(file: SourceFile): void {
  const head = decodeText(file.bytes.subarray(0, HEAD_BYTES), file.fileName).text;
  const at = head.search(/<!DOCTYPE/i);
  if (at < 0) return;
  throw new CodecardError('XML_FORBIDDEN', {
    file: file.fileName,
    where: ` line ${head.slice(0, at).split('\n').length}`,
    detail: 'XML with a DTD/DOCTYPE is refused: entity declarations are not allowed',
  });
}

function detectTextKind(file: SourceFile): ImportKind {
  const head = decodeText(file.bytes.subarray(0, HEAD_BYTES), file.fileName).text;
  const structured =
    detectIcd10cmKind(file.fileName, head) ?? detectStructuredKind(file.fileName, head);
  if (structured) return structured;
  if (/\.(md|markdown)$/i.test(file.fileName) || /^#{1,6} \S/m.test(head)) return 'markdown';
  return 'text';
}

const containersFor: Record<ImportKind, readonly Container[]> = {
  pdf: ['pdf'],
  docx: ['docx'],
  html: ['html', 'xml'],
  markdown: ['text'],
  text: ['text'],
  'icd10cm-tabular': ['xml'],
  'icd10cm-order': ['text'],
  hcpcs: ['text', 'xlsx'],
  'ncci-ptp': ['text', 'xlsx'],
  'ncci-mue': ['text', 'xlsx'],
  'code-table': ['text', 'xlsx'],
  'mpfs-rvu': ['text', 'xlsx'],
  'add-on': ['text', 'xlsx'],
  coverage: ['text', 'xlsx'],
  gpci: ['text', 'xlsx'],
  'mcd-index': ['text', 'xlsx'],
};

function checkOverride(fileName: string, container: Container, kind: ImportKind): ImportKind {
  if (containersFor[kind].includes(container)) return kind;
  const what = isStructuredKind(kind) ? 'a table' : 'a document';
  throw new CodecardError('TYPE_MISMATCH', {
    file: fileName,
    detail: `--kind ${kind} expects ${what} in ${containersFor[kind].join(' or ')} form, but the content is ${container}`,
  });
}
