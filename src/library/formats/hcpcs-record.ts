import type { DescriptorFact, ParsedRecord, SkippedRow } from './fact-record.ts';
import { hcpcsDateFields, type HcpcsField } from './hcpcs-fields.ts';
import { toIsoDate } from './iso-date.ts';
import { clip, skipRow } from './skipped-row.ts';
import { isModifierCode, isProcedureCode } from '../../domain/code-shape.ts';

/** One physical line of an HCPCS release (TXT line or CSV/XLSX row), before joining. */
export interface HcpcsLine {
  code: string;
  /** 3 procedure, 4 its continuation, 7 modifier, 8 its continuation; '' when not given. */
  recordId: string;
  longDescription: string;
  /** Raw values, repeated fields already joined with commas. */
  fields: Partial<Record<HcpcsField, string>>;
  locator: string;
}

interface Pending {
  first: HcpcsLine;
  last: HcpcsLine;
  parts: string[];
}

/**
 * Joins continuation records (RECID 4 after 3, 8 after 7, same code) onto the long description
 * of the record before them with one space, and turns each joined record into a fact.
 */
export function* joinHcpcsLines(lines: Iterable<HcpcsLine | SkippedRow>): Generator<ParsedRecord> {
  let pending: Pending | null = null;
  for (const line of lines) {
    if ('kind' in line) {
      yield line;
      continue;
    }
    if (line.recordId === '4' || line.recordId === '8') {
      const expected = line.recordId === '4' ? '3' : '7';
      if (
        pending !== null &&
        pending.first.code === line.code &&
        pending.first.recordId === expected
      ) {
        pending.parts.push(line.longDescription);
        pending.last = line;
      } else {
        yield skipRow(`continuation of "${clip(line.code)}" without its first line`, line.locator);
      }
      continue;
    }
    if (pending !== null) yield descriptorOf(pending);
    pending = null;
    const problem = problemWith(line);
    if (problem !== null) yield skipRow(problem, line.locator);
    else pending = { first: line, last: line, parts: [line.longDescription] };
  }
  if (pending !== null) yield descriptorOf(pending);
}

function problemWith(line: HcpcsLine): string | null {
  const { code, recordId } = line;
  if (recordId !== '' && recordId !== '3' && recordId !== '7') {
    return `unknown record id "${clip(recordId)}"`;
  }
  const modifier = recordId === '7' || (recordId === '' && code.length === 2);
  if (modifier ? !isModifierCode(code) : !isProcedureCode(code)) {
    return `"${clip(code)}" is not ${modifier ? 'a modifier' : 'an HCPCS code'}`;
  }
  if (line.longDescription === '' && (line.fields.shortDescription ?? '') === '') {
    return `${code} has no description`;
  }
  return null;
}

function descriptorOf({ first, last, parts }: Pending): DescriptorFact {
  const modifier = first.recordId === '7' || (first.recordId === '' && first.code.length === 2);
  const short = first.fields.shortDescription ?? '';
  const long = parts.filter((part) => part !== '').join(' ');
  const attributes: Record<string, string> = {};
  for (const [field, raw] of Object.entries(first.fields) as [HcpcsField, string][]) {
    if (raw === '' || field === 'shortDescription') continue;
    // The row's period is [add date, termination date]; the action effective date says when the
    // last change (the action code) took effect, not when the code became valid, so it stays an
    // attribute.
    if (field === 'terminationDate') continue;
    attributes[field] = hcpcsDateFields.has(field) ? (toIsoDate(raw) ?? raw) : raw;
  }
  return {
    kind: 'descriptor',
    system: modifier ? 'modifier' : 'hcpcs',
    code: first.code,
    longDescription: long === '' ? short : long,
    shortDescription: short === '' ? null : short,
    effectiveFrom: toIsoDate(first.fields.addDate ?? ''),
    effectiveTo: toIsoDate(first.fields.terminationDate ?? ''),
    attributes,
    locator: first === last ? first.locator : spanLocator(first.locator, last.locator),
  };
}

/** "line 12" + "line 13" -> "lines 12-13"; "Sheet1 row 4" + "Sheet1 row 5" -> "Sheet1 rows 4-5". */
function spanLocator(from: string, to: string): string {
  const a = /^(.*?)(line|row) (\d+)$/.exec(from);
  const b = /^(.*?)(line|row) (\d+)$/.exec(to);
  if (a && b && a[1] === b[1] && a[2] === b[2]) return `${a[1]}${a[2]}s ${a[3]}-${b[3]}`;
  return `${from} to ${to}`;
}
