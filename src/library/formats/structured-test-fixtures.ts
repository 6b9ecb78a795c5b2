/**
 * Small inputs in the CMS table layouts, shared by the unit and property tests (not used by the
 * application). Written by hand to match the layouts; codes are real identifiers, descriptor
 * wording is invented sample text (no CPT descriptors anywhere).
 */
import ExcelJS from 'exceljs';
import type { SourceFile } from '../import-kind.ts';
import type { ParsedRecord } from './fact-record.ts';

export function textFile(fileName: string, text: string, encoding: 'utf8' | 'latin1' = 'utf8') {
  return { fileName, bytes: Buffer.from(text, encoding) } satisfies SourceFile;
}

export async function collect(
  parse: Promise<{ records: Iterable<ParsedRecord> }>,
): Promise<ParsedRecord[]> {
  return [...(await parse).records];
}

export function factsOf<K extends ParsedRecord['kind']>(
  records: readonly ParsedRecord[],
  kind: K,
): Extract<ParsedRecord, { kind: K }>[] {
  return records.filter(
    (record): record is Extract<ParsedRecord, { kind: K }> => record.kind === kind,
  );
}

export type CellInput = ExcelJS.CellValue;

/** An XLSX workbook built with exceljs's writer; `emptyFirst` adds a blank sheet before it. */
export async function workbookFile(
  fileName: string,
  rows: CellInput[][],
  options: {
    sheetName?: string;
    emptyFirst?: boolean;
    edit?: (sheet: ExcelJS.Worksheet) => void;
    /** Store entries uncompressed, so tests can damage the XML inside and still pass the zip guard. */
    store?: boolean;
  } = {},
): Promise<SourceFile> {
  const workbook = new ExcelJS.Workbook();
  if (options.emptyFirst) workbook.addWorksheet('Notes');
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Sheet1');
  for (const row of rows) sheet.addRow(row);
  options.edit?.(sheet);
  const written = await workbook.xlsx.writeBuffer(
    options.store ? { zip: { compression: 'STORE' } } : undefined,
  );
  return { fileName, bytes: Buffer.from(written) };
}

/** The CMS PTP TXT layout: AMA notice (0xAE in Latin-1), title, header wrapped over 4 lines. */
export const ptpTxtHeader = [
  'CPT only copyright 2025 American Medical Association.  All rights reserved.\t\t\t\t\t\t',
  'Column1/Column2 Edits\t\t\t\t\t\t',
  'Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale',
  '\t\tprior to 1996\tDate\tDate\t0=not allowed\t',
  '\t\t\t\t*=no data\t1=allowed\t',
  '\t\t\t\t\t9=not applicable\t',
];

export const samplePtpTxt = [
  ...ptpTxtHeader,
  '62321\t62320\t\t20170101\t*\t0\tMutually exclusive procedures',
  '62323\t77003\t*\t19960101\t20231231\t1\tStandards of medical/surgical practice',
  '64483\t77003\t\t20200101\t*\t9\tCPT Manual or CMS manual coding instruction',
  '',
].join('\r\n');

export const sampleMueCsv = [
  '"Current Procedural Terminology (CPT) codes are copyright 2025 American Medical Association. All rights reserved. ',
  '',
  'CPT\u00ae is a registered trademark of the American Medical Association.",,,',
  '"HCPCS/',
  'CPT Code",Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale',
  '62321,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction',
  '64484,4,3 Date of Service Edit: Clinical,Clinical: Data',
  'J1040,10,1 Line Edit,Clinical: Data',
  '',
].join('\r\n');

/** One HCPCS fixed-width record: fields placed at their 1-based layout positions. */
export function hcpcsLine(fields: {
  code: string;
  recordId: string;
  long: string;
  short?: string;
  sequence?: string;
  coverage?: string;
  betos?: string;
  typeOfService?: string;
  addDate?: string;
  effective?: string;
  termination?: string;
  action?: string;
}): string {
  const line = Array.from({ length: 320 }, () => ' ');
  const put = (start: number, text: string) => {
    for (let i = 0; i < text.length; i++) line[start - 1 + i] = text[i] ?? ' ';
  };
  put(1, fields.code.padStart(5));
  put(6, fields.sequence ?? '00100');
  put(11, fields.recordId);
  put(12, fields.long.padEnd(80).slice(0, 80));
  if (fields.recordId === '3' || fields.recordId === '7') {
    put(92, (fields.short ?? '').padEnd(28).slice(0, 28));
    put(230, fields.coverage ?? 'C');
    put(257, fields.betos ?? '');
    put(261, fields.typeOfService ?? '');
    put(269, fields.addDate ?? '');
    put(277, fields.effective ?? '');
    put(285, fields.termination ?? '');
    put(293, fields.action ?? 'N');
    return line.join('');
  }
  return line.join('').slice(0, 91);
}

export const hcpcsPreamble = [
  'Note regarding coverage and payment indicators for codes in CMS\u00ae 2020 HCPCS Update',
  '',
  'This is neither an indicator of Medicare coverage or non-coverage.',
  '',
];

export const sampleHcpcsTxt = [
  ...hcpcsPreamble,
  hcpcsLine({
    code: 'A1',
    recordId: '7',
    long: 'Sample modifier wording for one wound',
    short: 'Sample one wound',
    addDate: '20020701',
    effective: '20020701',
  }),
  hcpcsLine({
    code: 'RB',
    recordId: '7',
    long: 'Sample modifier wording that runs long enough to need a second line of text',
    short: 'Sample replacement part',
    addDate: '20090101',
    effective: '20110101',
  }),
  hcpcsLine({ code: 'RB', recordId: '8', long: 'of a repair' }),
  hcpcsLine({
    code: 'J1040',
    recordId: '3',
    long: 'Injection, sample steroid acetate, 80 mg',
    short: 'Sample steroid 80 mg inj',
    coverage: 'D',
    betos: 'O1E',
    typeOfService: '1P',
    addDate: '19820101',
    effective: '19970101',
  }),
  hcpcsLine({
    code: 'G0260',
    recordId: '3',
    long: 'Sample injection procedure for sacroiliac joint for arthrography; first line',
    short: 'Sample inj for sacroiliac jt',
    addDate: '20020101',
    effective: '20200101',
    termination: '20251231',
    action: 'D',
  }),
  hcpcsLine({ code: 'G0260', recordId: '4', long: 'second line of the description' }),
  hcpcsLine({ code: 'G0260', recordId: '4', long: 'third line' }),
  '',
].join('\r\n');

export const sampleRvuCsv = [
  ',,2026 National Physician Fee Schedule Relative Value File July Release,,,,,,,,,,',
  ',,CPT codes and descriptions only are copyright 2026 American Medical Association.,,,,,,,,,,',
  ',,,,,,,,,,,,',
  ',,,STATUS,GLOB,,,MULT,BILAT,ASST,CO-,TEAM,CONV',
  'HCPCS,MOD,DESCRIPTION,CODE,DAYS,PRE OP,POST OP,PROC,SURG,SURG,SURG,SURG,FACTOR',
  '62323,,REDACTED,A,000,0.10,0.10,2,0,1,0,0,33.4009',
  '62323,26,REDACTED,A,000,0.10,0.10,2,0,1,0,0,33.4009',
  '77003,TC,REDACTED,A,XXX,0.00,0.00,0,0,9,9,9,33.4009',
  'Note: sample footnote,,,,,,,,,,,,',
  '',
].join('\r\n');

export const sampleAddOnCsv = [
  'Add-on Code,Primary Code,AOC Edit Type,Add-on Code Effective Date,Primary Code Deletion Date',
  '64480,64479,1,20110101,*',
  '64484,"64483, 64480; 64479",1,20110101,*',
  '',
].join('\n');

export const sampleCoverageCsv = [
  'LCD ID,CPT/HCPCS Code,ICD-10-CM Code,Description',
  'L39242,62323,M5416,Sample lumbar wording',
  'L39242,"62321, 62323","M54.16, M54.17",Sample wording',
  'A58745,64483,M54.10-M54.18,Sample range wording',
  '',
].join('\n');

export const sampleCodeTableCsv = [
  'CPT Code,Long Descriptor,Medium Descriptor,Short Descriptor,Consumer Friendly Descriptor,Concept Id',
  '62323,"SAMPLE: injection procedure, lumbar (sample wording, not AMA text)",SAMPLE medium wording,SAMPLE short,SAMPLE: a shot in the lower back (sample wording),1001',
  '0591T,SAMPLE: category III sample wording (not AMA text),,,,1002',
  '',
].join('\n');

/** Authored sample in the layout of CMS Addendum E (values invented, not the CMS file's). */
export const sampleGpciCsv = [
  'ADDENDUM E. SAMPLE CY 2031 GEOGRAPHIC PRACTICE COST INDICES (GPCIs) BY STATE AND MEDICARE LOCALITY,,,,,,',
  ',,,,,,',
  'Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,2031 PW GPCI (with 1.0 Floor)**,2031 PE GPCI,2031 MP GPCI',
  '90001,ZZ,01,SAMPLE HARBOR CITY,1.111,1.222,1.333',
  '90001,ZZ,99,REST OF SAMPLE STATE*,1.000,0.944,0.555',
  '90002,QQ,00,"NORTHERN SAMPLE, ISLANDS",1.000,1.050,0.600',
  '"MAC Assignments as of a sample date",,,,,,',
  ',,,,,,',
  '*Sample footnote for the rest of the state.,,,,,,',
  ',,,,,,',
  '"**Note: a sample floor note,",,,,,,',
  '"   continued on the next line.",,,,,,',
  '',
].join('\r\n');

/** Authored sample in the layout of the MCD index export (ids, titles and contractors invented). */
export const sampleMcdIndexCsv = [
  'contractor_name_type,document_display_id,document_id,document_type,document_version,effective_date,note,retirement_date,title,updated_on,updated_on_sort,url',
  '"Sample North Contractor, LLC',
  '(MAC - Part A, MAC - Part B)",L90001,90001,LCD,3,06/19/2022,,N/A,Sample Nerve Blocks for Pain,12/11/2023,20231211103408,https://example.test/lcd?id=90001',
  '"Sample South Services, Inc.',
  '(MAC - Part B)",L90002,90002,LCD,5,11/23/2023,,N/A,Sample Nerve Blocks for Pain,11/13/2023,20231113160429,https://example.test/lcd?id=90002',
  '"Sample South Services, Inc.',
  '(DME MAC)',
  '',
  'Sample North Contractor, LLC',
  '(DME MAC)",A90003,90003,Article,1,01/01/2024,Retired,03/31/2025,Billing and Coding: Sample Nerve Blocks for Pain,03/01/2025,20250301000000,https://example.test/article?id=90003',
  '',
].join('\n');
