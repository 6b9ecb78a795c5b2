import { parseFailed, type CodecardError } from '../errors/codecard-error.ts';
import type { Claim, ClaimLine } from './claim-types.ts';
import {
  isRealDate,
  parseDiagnosis,
  parseModifier,
  parseProcedureCode,
  parseProvider,
  parseUnits,
  type Fail,
} from './claim-fields.ts';
import { MAX_CLAIMS, MAX_LINES_PER_CLAIM } from './claim-limits.ts';
import type { Setting } from '../domain/setting.ts';

/** An X12 segment split into elements; `position` is its 1-based index in the file (ISA = 1). */
interface Segment {
  id: string;
  elements: string[];
  position: number;
}

interface Delimiters {
  element: string;
  component: string;
  segment: string;
}

/** The ISA segment is fixed width: 106 characters including its terminator. */
const ISA_LENGTH = 106;

/**
 * The ISA is the one fixed-width segment, which is what makes the delimiters discoverable: the
 * element separator is character 4, the component separator ISA16 is character 105 and the
 * segment terminator follows it.
 */
function readDelimiters(text: string, source: string): Delimiters {
  const at = ' segment 1 (ISA)';
  if (!text.startsWith('ISA'))
    throw parseFailed(
      source,
      'not an X12 file: it does not start with an ISA segment',
      ' segment 1',
    );
  if (text.length < ISA_LENGTH)
    throw parseFailed(
      source,
      `the ISA segment is truncated (${text.length} of ${ISA_LENGTH} characters)`,
      at,
    );
  const element = text.charAt(3);
  const component = text.charAt(104);
  const segment = text.charAt(105);
  const elements = text.slice(0, 105).split(element);
  const separators = new Set([element, component, segment]);
  if (/[A-Za-z0-9 ]/.test(element + component + segment) || separators.size !== 3) {
    throw parseFailed(
      source,
      'the ISA segment does not have three distinct delimiter characters (it is not 106 characters long)',
      at,
    );
  }
  if (elements.length !== 17) {
    throw parseFailed(
      source,
      `the ISA segment has ${elements.length - 1} elements instead of 16 (it must be fixed width)`,
      at,
    );
  }
  return { element, component, segment };
}

function splitSegments(text: string, delimiters: Delimiters, source: string): Segment[] {
  const segments: Segment[] = [];
  for (const raw of text.split(delimiters.segment)) {
    // Many writers put a line break after each terminator; it is not part of the next segment.
    const body = raw.replace(/^[\r\n]+|[\r\n]+$/g, '');
    if (body.trim() === '') continue;
    const elements = body.split(delimiters.element);
    const id = elements[0] ?? '';
    const position = segments.length + 1;
    if (!/^[A-Z][A-Z0-9]{1,2}$/.test(id)) {
      throw parseFailed(
        source,
        `unknown segment structure: ${JSON.stringify(body.slice(0, 20))} does not start with a segment id`,
        ` segment ${position}`,
      );
    }
    segments.push({ id, elements, position });
  }
  return segments;
}

type Variant = { kind: 'P'; setting: Setting } | { kind: 'I'; setting: Setting };

/** 005010X222A1 is the professional guide, 005010X223A2 (and its A3 errata) the institutional one. */
function variantOf(version: string): Variant | undefined {
  if (/^005010X222/.test(version)) return { kind: 'P', setting: 'practitioner' };
  if (/^005010X223/.test(version)) return { kind: 'I', setting: 'hospital' };
  return undefined;
}

/** ICD-10-CM qualifiers: principal (ABK), other (ABF), admitting (ABJ), reason for visit (APR), external cause (ABN). */
const diagnosisQualifiers = new Set(['ABK', 'ABF', 'ABJ', 'APR', 'ABN']);
/** ICD-9 diagnosis qualifiers: refused rather than dropped, since the codes cannot be checked. */
const icd9Qualifiers = new Set(['BK', 'BF', 'BJ', 'PR', 'BN']);

interface OpenLine {
  segment: Segment;
  code: string;
  modifiers: string[];
  units: number;
  /** 837P SV107: 1-based pointers into the claim's diagnosis list. */
  pointers: number[];
  date: string | undefined;
  provider: string | null;
}

interface OpenClaim {
  segment: Segment;
  id: string;
  diagnoses: string[];
  date: string | undefined;
  provider: string | null;
  lines: ClaimLine[];
  line: OpenLine | undefined;
  /** True once an LX is seen: DTP and NM1 after it belong to the line, not the claim. */
  inLines: boolean;
}

/**
 * Reads the claims of an 837P or 837I (005010) file. It walks the segments in order, keeping
 * only what a claim check needs: claim id, diagnoses, service lines, dates and the rendering
 * provider. Envelope errors, out-of-place segments and bad values fail with the segment's
 * position and id, because a partly read claim file would give wrong findings.
 */
export function parseX12Claims(text: string, source: string): Claim[] {
  const trimmed = text.replace(/^\s+/, '');
  const delimiters = readDelimiters(trimmed, source);
  const segments = splitSegments(trimmed, delimiters, source);
  const claims: Claim[] = [];
  const seenIds = new Map<string, number>();
  let variant: Variant | undefined;
  let inGroup = false;
  let transactionStart: Segment | undefined;
  let claim: OpenClaim | undefined;
  let ended = false;

  for (const segment of segments) {
    const at = ` segment ${segment.position} (${segment.id})`;
    const fail: Fail = (problem) => {
      throw parseFailed(source, problem, at);
    };
    const element = (n: number): string => (segment.elements[n] ?? '').trim();
    const components = (n: number): string[] => element(n).split(delimiters.component);
    if (ended) fail('segment after the IEA that ends the interchange');

    const closeLine = (): void => {
      if (claim === undefined || claim.line === undefined) return;
      claim.lines.push(finishLine(claim, claim.line, source));
      claim.line = undefined;
    };
    const closeClaim = (): void => {
      if (claim === undefined) return;
      closeLine();
      claims.push({
        id: claim.id,
        setting: variant?.setting ?? 'practitioner',
        lines: claim.lines,
      });
      claim = undefined;
    };

    switch (segment.id) {
      case 'ISA':
        if (segment.position !== 1) fail('a second ISA: only one interchange per file is read');
        break;
      case 'GS':
        if (inGroup) fail('GS inside a functional group that has no GE');
        inGroup = true;
        break;
      case 'ST': {
        if (!inGroup) fail('ST outside a GS functional group');
        if (transactionStart !== undefined) fail('ST inside a transaction that has no SE');
        if (element(1) !== '837')
          fail(`transaction set ${JSON.stringify(element(1))} is not an 837 claim`);
        // ST03 names the implementation guide; GS08 carries it in older writers.
        const stVersion = element(3);
        const gsVersion = segments.find((s) => s.id === 'GS' && s.position < segment.position);
        const version = stVersion !== '' ? stVersion : (gsVersion?.elements[8] ?? '').trim();
        variant = variantOf(version);
        if (variant === undefined) {
          fail(
            `version ${JSON.stringify(version)} is not 005010X222A1 (837P) or 005010X223A2 (837I)`,
          );
        }
        transactionStart = segment;
        break;
      }
      case 'SE': {
        if (transactionStart === undefined) fail('SE without an ST');
        closeClaim();
        const count = segment.position - (transactionStart?.position ?? 0) + 1;
        if (element(1) !== String(count)) {
          fail(
            `SE01 says ${JSON.stringify(element(1))} segments but the transaction has ${count} (the file may be truncated)`,
          );
        }
        transactionStart = undefined;
        break;
      }
      case 'GE':
        if (!inGroup) fail('GE without a GS');
        if (transactionStart !== undefined) fail('GE before the SE that ends the transaction');
        inGroup = false;
        break;
      case 'IEA':
        if (inGroup) fail('IEA before the GE that ends the functional group');
        ended = true;
        break;
      case 'HL':
        // A new billing/subscriber/patient level ends the claim before it.
        closeClaim();
        break;
      case 'CLM': {
        if (transactionStart === undefined) fail('CLM outside an ST/SE transaction');
        closeClaim();
        const id = element(1);
        if (id === '') fail('CLM01 (the claim id) is empty');
        const first = seenIds.get(id);
        if (first !== undefined) fail(`claim id "${id}" is already used at segment ${first}`);
        if (claims.length >= MAX_CLAIMS) fail(`more than ${MAX_CLAIMS} claims in one file`);
        seenIds.set(id, segment.position);
        claim = {
          segment,
          id,
          diagnoses: [],
          date: undefined,
          provider: null,
          lines: [],
          line: undefined,
          inLines: false,
        };
        break;
      }
      case 'HI': {
        if (claim === undefined) fail('HI before CLM');
        for (let n = 1; n < segment.elements.length; n++) {
          const [qualifier = '', code = ''] = components(n);
          if (icd9Qualifiers.has(qualifier))
            fail(
              `HI${String(n).padStart(2, '0')} is an ICD-9 diagnosis (${qualifier}); only ICD-10-CM is supported`,
            );
          if (!diagnosisQualifiers.has(qualifier)) continue; // procedure, occurrence, value and condition codes
          const diagnosis = parseDiagnosis(code, fail);
          // The principal diagnosis leads the list whatever segment it came in.
          if (qualifier === 'ABK') claim?.diagnoses.unshift(diagnosis);
          else claim?.diagnoses.push(diagnosis);
        }
        break;
      }
      case 'LX':
        if (claim === undefined) fail('LX before CLM');
        if (!/^\d+$/.test(element(1)))
          fail(`LX01 must be a line number, got ${JSON.stringify(element(1))}`);
        closeLine();
        if (claim !== undefined) claim.inLines = true;
        break;
      case 'SV1':
      case 'SV2': {
        if (claim === undefined) return fail(`${segment.id} before CLM`);
        const expected = variant?.kind === 'I' ? 'SV2' : 'SV1';
        if (segment.id !== expected)
          fail(`${segment.id} in an 837${variant?.kind ?? ''} (expected ${expected})`);
        closeLine();
        if (claim.lines.length >= MAX_LINES_PER_CLAIM)
          fail(`claim "${claim.id}" has more than ${MAX_LINES_PER_CLAIM} lines`);
        const procedure = components(segment.id === 'SV1' ? 1 : 2);
        const [qualifier = '', rawCode = '', ...rawModifiers] = procedure;
        if (segment.id === 'SV2' && qualifier !== 'HC') {
          // Revenue-code-only (and HIPPS) institutional lines carry no CPT/HCPCS code to check.
          claim.inLines = true;
          break;
        }
        if (qualifier !== 'HC')
          fail(`SV101 qualifier ${JSON.stringify(qualifier)} is not HC (CPT/HCPCS)`);
        const units = element(segment.id === 'SV1' ? 4 : 5);
        const pointers =
          segment.id === 'SV1' && element(7) !== ''
            ? components(7).map((pointer) => {
                if (!/^\d+$/.test(pointer))
                  fail(`SV107 diagnosis pointer ${JSON.stringify(pointer)} is not a number`);
                return Number(pointer);
              })
            : [];
        claim.line = {
          segment,
          code: parseProcedureCode(rawCode, fail),
          modifiers: rawModifiers.filter((m) => m.trim() !== '').map((m) => parseModifier(m, fail)),
          units: parseUnits(units === '' ? undefined : units, fail),
          pointers,
          date: undefined,
          provider: null,
        };
        claim.inLines = true;
        break;
      }
      case 'DTP': {
        const qualifier = element(1);
        if (qualifier !== '472' && qualifier !== '434') break;
        if (claim === undefined) break; // dates outside a claim do not belong to a service
        const date = readDate(element(2), element(3), fail);
        if (claim.line !== undefined && qualifier === '472') claim.line.date = date;
        else if (!claim.inLines) claim.date = date;
        break;
      }
      case 'NM1': {
        if (element(1) !== '82' || claim === undefined) break;
        const provider = parseProvider(element(9), fail);
        if (claim.line !== undefined) claim.line.provider = provider;
        else if (!claim.inLines) claim.provider = provider;
        break;
      }
      default:
        break;
    }
  }
  const last = segments[segments.length - 1];
  if (!ended) {
    throw parseFailed(
      source,
      'the file ends without an IEA segment (it may be truncated)',
      ` segment ${last?.position ?? 1} (${last?.id ?? 'ISA'})`,
    );
  }
  if (claims.length === 0) throw parseFailed(source, 'the 837 contains no CLM claims');
  return claims;
}

function finishLine(claim: OpenClaim, line: OpenLine, source: string): ClaimLine {
  const at = ` segment ${line.segment.position} (${line.segment.id})`;
  const fail = (problem: string): CodecardError => parseFailed(source, problem, at);
  const date = line.date ?? claim.date;
  if (date === undefined)
    throw fail(
      `claim "${claim.id}": the service line has no DTP*472 date and the claim has no service or statement date`,
    );
  let diagnoses = claim.diagnoses;
  if (line.pointers.length > 0) {
    diagnoses = line.pointers.map((pointer) => {
      const diagnosis = claim.diagnoses[pointer - 1];
      if (diagnosis === undefined)
        throw fail(
          `SV107 points to diagnosis ${pointer} but the claim has ${claim.diagnoses.length}`,
        );
      return diagnosis;
    });
  }
  return {
    code: line.code,
    modifiers: line.modifiers,
    units: line.units,
    dateOfService: date,
    diagnoses,
    provider: line.provider ?? claim.provider,
    source: `segment ${line.segment.position} (${line.segment.id})`,
  };
}

/** D8 is CCYYMMDD; RD8 is a CCYYMMDD-CCYYMMDD range, whose start is the date used. */
function readDate(format: string, value: string, fail: Fail): string {
  const pattern =
    format === 'D8'
      ? /^(\d{4})(\d{2})(\d{2})$/
      : format === 'RD8'
        ? /^(\d{4})(\d{2})(\d{2})-(\d{4})(\d{2})(\d{2})$/
        : undefined;
  if (pattern === undefined) return fail(`date format ${JSON.stringify(format)} is not D8 or RD8`);
  const match = pattern.exec(value);
  const [year, month, day] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
  if (match === null || !isRealDate(year, month, day))
    return fail(`${JSON.stringify(value)} is not a real ${format} date`);
  if (format === 'RD8' && !isRealDate(Number(match[4]), Number(match[5]), Number(match[6]))) {
    return fail(`${JSON.stringify(value)} is not a real ${format} date range`);
  }
  return `${match[1]}-${match[2]}-${match[3]}`;
}
