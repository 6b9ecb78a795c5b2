import { seededRandom } from '../../../bench/generate-ptp.ts';
import { deflatePieces, zipOf, type DeflatedEntry } from './hostile-files.ts';

/**
 * XLSX files for the hostile tier, written part by part (never a whole sheet in memory): a
 * workbook with one sheet, cells as inline strings, or as shared strings when `shared` is given.
 */
const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const escape = (text: string) =>
  text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

function column(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** One `<row>` of inline-string cells; an empty text leaves its cell out. */
export function rowXml(rowNumber: number, cells: readonly string[]): string {
  const body = cells
    .map((text, i) =>
      text === ''
        ? ''
        : `<c r="${column(i)}${rowNumber}" t="inlineStr"><is><t>${escape(text)}</t></is></c>`,
    )
    .join('');
  return `<row r="${rowNumber}">${body}</row>`;
}

/** A workbook around a sheet whose `<row>` elements come from `rows` (already XML). */
export function workbookOf(rows: Iterable<string>, sharedStrings?: Iterable<string>): Buffer {
  const types =
    `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    (sharedStrings
      ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
      : '') +
    '</Types>';
  const rootRels =
    `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook = `${head}<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const workbookRels =
    `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
    (sharedStrings
      ? `<Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>`
      : '') +
    '</Relationships>';
  function* sheet(): Generator<Buffer> {
    yield Buffer.from(`${head}<worksheet xmlns="${main}"><sheetData>`);
    let batch = '';
    for (const row of rows) {
      batch += row;
      if (batch.length > 1 << 20) {
        yield Buffer.from(batch);
        batch = '';
      }
    }
    yield Buffer.from(`${batch}</sheetData></worksheet>`);
  }
  const entries: DeflatedEntry[] = [
    deflatePieces('[Content_Types].xml', [Buffer.from(types)]),
    deflatePieces('_rels/.rels', [Buffer.from(rootRels)]),
    deflatePieces('xl/workbook.xml', [Buffer.from(workbook)]),
    deflatePieces('xl/_rels/workbook.xml.rels', [Buffer.from(workbookRels)]),
  ];
  if (sharedStrings) {
    const strings = [...sharedStrings];
    entries.push(
      deflatePieces('xl/sharedStrings.xml', [
        Buffer.from(
          `${head}<sst xmlns="${main}" count="${strings.length}" uniqueCount="${strings.length}">`,
        ),
        ...strings.map((s) => Buffer.from(`<si><t>${escape(s)}</t></si>`)),
        Buffer.from('</sst>'),
      ]),
    );
  }
  entries.push(deflatePieces('xl/worksheets/sheet1.xml', sheet()));
  return zipOf(entries);
}

/**
 * `length` letters that deflate only about 1.7x (a random 64 KB block repeated: farther apart
 * than deflate's 32 KB window), so the zip guard's ratio limit lets them through to the workbook
 * limits. `offset` starts at another place in the block.
 */
export function noisyText(length: number, offset = 0, seed = 5): string {
  const random = seededRandom(seed);
  let block = '';
  for (let i = 0; i < 65_536; i++) block += String.fromCharCode(97 + Math.floor(random() * 26));
  const start = offset % block.length;
  const rotated = block.slice(start) + block.slice(0, start);
  return rotated.repeat(Math.ceil(length / rotated.length)).slice(0, length);
}

const ptpHeader = [
  'Column 1',
  'Column 2',
  '*=in existence prior to 1996',
  'Effective Date',
  'Deletion Date *=no data',
  'Modifier 0=not allowed 1=allowed 9=not applicable',
  'PTP Edit Rationale',
];
const rationales = [
  'Misuse of Column Two code with Column One code',
  'CPT Manual or CMS manual coding instruction',
  'Mutually exclusive procedures',
];

/** An NCCI PTP table as CMS's XLSX layout has it: a header row, then `rows` edit pairs. */
export function* ptpRows(rows: number, seed = 11): Generator<string> {
  const random = seededRandom(seed);
  yield rowXml(1, ptpHeader);
  for (let i = 0; i < rows; i++) {
    const column1 = String(10004 + 3 * Math.floor(i / 120));
    const column2 = String(10004 + 3 * (i % 120) + 1);
    const year = 1996 + Math.floor(random() * 30);
    yield rowXml(i + 2, [
      column1,
      column2,
      '',
      `${year}0101`,
      random() < 0.3 ? `${year + 1}1231` : '*',
      random() < 0.5 ? '0' : '1',
      rationales[Math.floor(random() * rationales.length)]!,
    ]);
  }
}
