import { CodecardError } from '../errors/codecard-error.ts';
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
  wholeNumberText,
  type ClaimDefaults,
  type Fail,
} from './claim-fields.ts';
import { MAX_CLAIMS, MAX_LINES_PER_CLAIM } from './claim-limits.ts';
import { refuseDeepJson } from './json-nesting.ts';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function badInput(detail: string): CodecardError {
  return new CodecardError('BAD_INPUT', { detail });
}

/** Checks the caller's defaults once, so a bad --date is reported as such, not per line. */
export function checkDefaults(defaults: ClaimDefaults, source: string): ClaimDefaults {
  const fail: Fail = (problem) => {
    throw badInput(`${source}: default ${problem}`);
  };
  return {
    setting: defaults.setting === undefined ? undefined : parseSetting(defaults.setting, fail),
    dateOfService:
      defaults.dateOfService === undefined ? undefined : parseIsoDate(defaults.dateOfService, fail),
  };
}

/**
 * Builds one claim from a parsed JSON object. `at` names the claim's position in its file
 * ("claim 3", "line 12"); every error and every line's `source` starts from it. Lines inherit
 * the claim's date and diagnoses, and the claim inherits the caller's defaults.
 */
export function claimFromJson(
  value: unknown,
  source: string,
  at: string,
  defaults: ClaimDefaults,
): Claim {
  if (!isObject(value))
    throw badInput(`${source}: ${at}: expected a claim object, got ${show(value)}`);
  const rawId = value.id;
  const id =
    typeof rawId === 'number'
      ? wholeNumberText(rawId)
      : typeof rawId === 'string'
        ? rawId.trim()
        : '';
  if (id === '') {
    throw badInput(
      `${source}: ${at}: the claim needs an "id" (a non-empty string or a whole number), got ${show(rawId)}`,
    );
  }
  const label = `${at} (claim "${id}")`;
  const fail: Fail = (problem) => {
    throw badInput(`${source}: ${label}: ${problem}`);
  };
  const setting =
    value.setting === undefined || value.setting === null
      ? (defaults.setting ?? 'practitioner')
      : parseSetting(value.setting, fail);
  const claimDate =
    value.dateOfService === undefined || value.dateOfService === null
      ? defaults.dateOfService
      : parseIsoDate(value.dateOfService, fail);
  const claimDiagnoses = parseDiagnosisList(value.diagnoses, fail) ?? [];
  const claimProvider = parseProvider(value.provider, fail);
  const rawLines = value.lines;
  if (!Array.isArray(rawLines) || rawLines.length === 0) {
    return fail(`"lines" must be a non-empty array of service lines, got ${show(rawLines)}`);
  }
  if (rawLines.length > MAX_LINES_PER_CLAIM) {
    return fail(`${rawLines.length} lines is over the limit of ${MAX_LINES_PER_CLAIM} per claim`);
  }
  const lines = rawLines.map((rawLine: unknown, index): ClaimLine => {
    const lineAt = `${at}, service line ${index + 1}`;
    const lineFail: Fail = (problem) => {
      throw badInput(`${source}: ${label} line ${index + 1}: ${problem}`);
    };
    if (!isObject(rawLine)) return lineFail(`expected a line object, got ${show(rawLine)}`);
    const modifiers = rawLine.modifiers ?? [];
    if (!Array.isArray(modifiers))
      return lineFail(`"modifiers" must be an array, got ${show(modifiers)}`);
    const date =
      rawLine.dateOfService === undefined || rawLine.dateOfService === null
        ? claimDate
        : parseIsoDate(rawLine.dateOfService, lineFail);
    if (date === undefined) {
      return lineFail('no date of service on the line, its claim or the defaults');
    }
    return {
      code: parseProcedureCode(rawLine.code, lineFail),
      modifiers: modifiers.map((modifier: unknown) => parseModifier(modifier, lineFail)),
      units:
        rawLine.units === undefined || rawLine.units === null
          ? 1
          : parseUnits(rawLine.units, lineFail),
      dateOfService: date,
      // An empty list is treated like a missing one: the line is coded with the claim's diagnoses.
      diagnoses: nonEmpty(parseDiagnosisList(rawLine.diagnoses, lineFail)) ?? claimDiagnoses,
      provider: parseProvider(rawLine.provider, lineFail) ?? claimProvider,
      source: lineAt,
    };
  });
  return { id, setting, lines };
}

function nonEmpty(list: string[] | undefined): string[] | undefined {
  return list === undefined || list.length === 0 ? undefined : list;
}

function parseDiagnosisList(raw: unknown, fail: Fail): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) return fail(`"diagnoses" must be an array, got ${show(raw)}`);
  return raw.map((code: unknown) => parseDiagnosis(code, fail));
}

/**
 * Claim ids key findings and reports, so two claims with one id in a file would be merged or
 * mis-reported downstream; the second one is refused instead.
 */
export class ClaimIdRegistry {
  private readonly firstSeen = new Map<string, string>();

  constructor(private readonly source: string) {}

  add(claim: Claim, at: string): void {
    const first = this.firstSeen.get(claim.id);
    if (first !== undefined) {
      throw badInput(`${this.source}: ${at}: claim id "${claim.id}" is already used at ${first}`);
    }
    if (this.firstSeen.size >= MAX_CLAIMS) {
      throw badInput(`${this.source}: ${at}: more than ${MAX_CLAIMS} claims in one file`);
    }
    this.firstSeen.set(claim.id, at);
  }
}

/** Accepts `{claims: [...]}`, a bare array of claims, or one claim object. */
function claimList(value: unknown, source: string): unknown[] {
  if (Array.isArray(value)) return value;
  if (isObject(value) && Array.isArray(value.claims)) return value.claims;
  if (isObject(value) && 'lines' in value) return [value];
  throw badInput(
    `${source}: expected {"claims": [...]}, an array of claims or one claim object, got ${show(value)}`,
  );
}

export function parseJsonClaims(
  text: string,
  source: string,
  defaults: ClaimDefaults = {},
): Claim[] {
  refuseDeepJson(text, source);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw badInput(`${source}: not valid JSON (${detail})`);
  }
  return claimsFromJsonValue(value, source, defaults);
}

/**
 * Claims from JSON already parsed (a request body). Numbers stay as parsed: a round trip through
 * JSON.stringify would turn 1e400 (Infinity) into null, and a missing count defaults to 1.
 */
export function claimsFromJsonValue(
  value: unknown,
  source: string,
  defaults: ClaimDefaults = {},
): Claim[] {
  const checked = checkDefaults(defaults, source);
  const list = claimList(value, source);
  if (list.length === 0) throw badInput(`${source}: the file contains no claims`);
  if (list.length > MAX_CLAIMS) {
    throw badInput(`${source}: ${list.length} claims is over the limit of ${MAX_CLAIMS} per file`);
  }
  const ids = new ClaimIdRegistry(source);
  return list.map((item, index) => {
    const at = `claim ${index + 1}`;
    const claim = claimFromJson(item, source, at, checked);
    ids.add(claim, at);
    return claim;
  });
}
