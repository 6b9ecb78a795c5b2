import { parse, type Options } from 'csv-parse/sync';
import type { Claim, ClaimLine } from './claim-types.ts';
import {
  parseDiagnosis,
  parseIsoDate,
  parseModifier,
  parseProcedureCode,
  parseProvider,
  parseSetting,
  parseUnits,
  show,
  splitList,
  type ClaimDefaults,
  type Fail,
} from './claim-fields.ts';
import { MAX_CLAIMS, MAX_LINES_PER_CLAIM } from './claim-limits.ts';
import { badInput, checkDefaults } from './json-claims.ts';
import type { Setting } from '../domain/setting.ts';

type Column =
  'claim' | 'line' | 'date' | 'code' | 'modifiers' | 'units' | 'diagnoses' | 'setting' | 'provider';

/** Header spellings seen in billing exports, compared without case, spaces or punctuation. */
const headerNames: Record<Column, readonly string[]> = {
  claim: ['claimid', 'claim', 'claimnumber', 'claimno'],
  line: ['line', 'linenumber', 'lineno', 'linenum'],
  date: ['dateofservice', 'dos', 'servicedate', 'date'],
  code: ['code', 'cpt', 'hcpcs', 'procedure', 'procedurecode', 'cpthcpcs', 'hcpcscpt'],
  modifiers: ['modifiers', 'modifier', 'mods'],
  units: ['units', 'unit', 'qty', 'quantity'],
  diagnoses: ['diagnoses', 'diagnosis', 'dx', 'icd10', 'icd10cm', 'diagnosiscodes'],
  setting: ['setting'],
  provider: ['provider', 'npi', 'renderingprovider', 'renderingnpi'],
};

function columnFor(header: string): Column | undefined {
  const key = header.toLowerCase().replace(/[^a-z0-9]/g, '');
  return (Object.keys(headerNames) as Column[]).find((column) => headerNames[column].includes(key));
}

/** Tab or semicolon files come from European Excel and other tools; the header line decides. */
function detectDelimiter(headerLine: string): string {
  if (headerLine.includes('\t')) return '\t';
  if (headerLine.includes(';') && !headerLine.includes(',')) return ';';
  return ',';
}

interface Row {
  /** The file line the record starts on; the header is row 1, as in a spreadsheet. */
  row: number;
  cells: string[];
}

function readRows(text: string, source: string): Row[] {
  // csv-parse locks onto the first line end it sees, so mixed CRLF/LF is unified first.
  const unified = text.replace(/\r\n?/g, '\n');
  const firstLine = unified.slice(
    0,
    unified.indexOf('\n') === -1 ? undefined : unified.indexOf('\n'),
  );
  const ended: [number, string[]][] = [];
  const options: Options = {
    delimiter: detectDelimiter(firstLine),
    record_delimiter: '\n',
    relax_column_count: true,
    skip_empty_lines: false,
    bom: true,
    // Cells are kept as text: "=1+2" or "@SUM(A1)" is never evaluated or stripped.
    cast: false,
    on_record: (record: string[], context) => {
      ended.push([context.lines, record]);
      return null;
    },
  };
  try {
    parse(unified, options);
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    const detail = error instanceof Error ? error.message : String(error);
    const at = typeof line === 'number' ? ` row ${line}` : '';
    throw badInput(`${source}:${at} the CSV cannot be read (${detail})`);
  }
  const rows: Row[] = [];
  let previousEnd = 0;
  for (const [endLine, cells] of ended) {
    const row = previousEnd + 1;
    previousEnd = endLine;
    const trimmed = cells.map((cell) => cell.trim());
    if (trimmed.some((cell) => cell !== '')) rows.push({ row, cells: trimmed });
  }
  return rows;
}

interface PendingClaim {
  id: string;
  setting: Setting | undefined;
  settingRow: number;
  lines: { lineNumber: number | undefined; row: number; line: ClaimLine }[];
}

/**
 * One row per service line; rows sharing a claim id form one claim, in line-number order when
 * the file has a line column, else in row order. A row with no diagnoses gets those listed on
 * the claim's other rows, since exports often print the claim's diagnoses on its first row only.
 */
export function parseCsvClaims(
  text: string,
  source: string,
  defaults: ClaimDefaults = {},
): Claim[] {
  const checked = checkDefaults(defaults, source);
  const [header, ...rows] = readRows(text, source);
  if (header === undefined) throw badInput(`${source}: the file contains no claims`);
  const index = columnIndex(header, source);
  requireColumns(index, header, checked, source);
  if (rows.length === 0) throw badInput(`${source}: the file contains no claims`);

  const claims = new Map<string, PendingClaim>();
  for (const { row, cells } of rows) {
    const fail: Fail = (problem) => {
      throw badInput(`${source}: row ${row}: ${problem}`);
    };
    const cell: Cell = (column) => {
      const position = index.get(column);
      return position === undefined ? '' : (cells[position] ?? '');
    };
    const claim = claimOfRow(claims, cell('claim'), row, fail);
    if (cell('setting') !== '')
      setClaimSetting(claim, parseSetting(cell('setting'), fail), row, fail);
    const lineNumber = index.has('line') ? lineNumberOf(claim, cell('line'), fail) : undefined;
    claim.lines.push({ lineNumber, row, line: claimLine(cell, checked, row, fail) });
  }
  return [...claims.values()].map((claim) => finishClaim(claim, index.has('line'), checked));
}

/** A row's cell in a column; empty when the file has no such column. */
type Cell = (column: Column) => string;

/** Where each known column is; a column given twice is refused rather than one of them guessed. */
function columnIndex(header: Row, source: string): Map<Column, number> {
  const index = new Map<Column, number>();
  header.cells.forEach((name, position) => {
    const column = columnFor(name);
    if (column === undefined) return;
    const earlier = index.get(column);
    if (earlier !== undefined) {
      throw badInput(
        `${source}: row 1: columns "${header.cells[earlier]}" and "${name}" both give the ${column}`,
      );
    }
    index.set(column, position);
  });
  return index;
}

/** Claim id and code are always needed; the date only when no default date is given. */
function requireColumns(
  index: Map<Column, number>,
  header: Row,
  checked: ClaimDefaults,
  source: string,
): void {
  const required: Column[] = ['claim', 'code'];
  if (checked.dateOfService === undefined) required.push('date');
  const missing = required.filter((column) => !index.has(column));
  if (missing.length > 0) {
    throw badInput(
      `${source}: row 1: missing required column(s) ${missing.join(', ')} (found: ${header.cells.join(', ')})`,
    );
  }
}

/** The claim a row belongs to, started on its first row; the file and claim limits hold here. */
function claimOfRow(
  claims: Map<string, PendingClaim>,
  id: string,
  row: number,
  fail: Fail,
): PendingClaim {
  if (id === '') fail('the claim id is empty');
  let claim = claims.get(id);
  if (claim === undefined) {
    if (claims.size >= MAX_CLAIMS) fail(`more than ${MAX_CLAIMS} claims in one file`);
    claim = { id, setting: undefined, settingRow: row, lines: [] };
    claims.set(id, claim);
  }
  if (claim.lines.length >= MAX_LINES_PER_CLAIM) {
    fail(`claim "${id}" has more than ${MAX_LINES_PER_CLAIM} lines`);
  }
  return claim;
}

/** Any row may give the claim's setting; rows that disagree are refused, naming both rows. */
function setClaimSetting(claim: PendingClaim, setting: Setting, row: number, fail: Fail): void {
  if (claim.setting !== undefined && claim.setting !== setting) {
    fail(`claim "${claim.id}" is ${claim.setting} at row ${claim.settingRow} but ${setting} here`);
  }
  claim.setting = setting;
  claim.settingRow = row;
}

/** The row's line number (the file has a line column): a whole number from 1, once per claim. */
function lineNumberOf(claim: PendingClaim, lineText: string, fail: Fail): number {
  if (!/^\d{1,9}$/.test(lineText) || Number(lineText) < 1) {
    fail(`the line number must be a whole number from 1 to 999999999, got ${show(lineText)}`);
  }
  const lineNumber = Number(lineText);
  const clash = claim.lines.find((other) => other.lineNumber === lineNumber);
  if (clash !== undefined)
    fail(`claim "${claim.id}" already has line ${lineNumber} at row ${clash.row}`);
  return lineNumber;
}

/** The service line a row gives; an empty date takes the default, empty units count as 1. */
function claimLine(cell: Cell, checked: ClaimDefaults, row: number, fail: Fail): ClaimLine {
  const dateText = cell('date');
  const date = dateText === '' ? checked.dateOfService : parseIsoDate(dateText, fail);
  if (date === undefined) fail('the date of service is empty and no default date was given');
  const codeText = cell('code');
  if (codeText === '') fail('the code is empty');
  const unitsText = cell('units');
  return {
    code: parseProcedureCode(codeText, fail),
    modifiers: splitList(cell('modifiers')).map((modifier) => parseModifier(modifier, fail)),
    units: unitsText === '' ? 1 : parseUnits(unitsText, fail),
    dateOfService: date,
    diagnoses: splitList(cell('diagnoses')).map((code) => parseDiagnosis(code, fail)),
    provider: parseProvider(cell('provider'), fail),
    source: `row ${row}`,
  };
}

/** Lines in line-number order when numbered; a line without diagnoses takes the claim's. */
function finishClaim(claim: PendingClaim, numbered: boolean, checked: ClaimDefaults): Claim {
  const ordered = numbered
    ? [...claim.lines].sort((a, b) => (a.lineNumber ?? 0) - (b.lineNumber ?? 0))
    : claim.lines;
  const claimDiagnoses = [...new Set(ordered.flatMap(({ line }) => line.diagnoses))];
  return {
    id: claim.id,
    setting: claim.setting ?? checked.setting ?? 'practitioner',
    lines: ordered.map(({ line }) =>
      line.diagnoses.length > 0 ? line : { ...line, diagnoses: claimDiagnoses },
    ),
  };
}
