import { refuseDeepJson } from './json-nesting.ts';
import type { Claim } from './claim-types.ts';
import type { ClaimDefaults } from './claim-fields.ts';
import { badInput, checkDefaults, ClaimIdRegistry, claimFromJson } from './json-claims.ts';

/**
 * Yields one claim per non-blank line without splitting the whole text first, so a caller can
 * check claims as they are read. Errors name the 1-based line number.
 */
export function* iterateNdjsonClaims(
  text: string,
  source: string,
  defaults: ClaimDefaults = {},
): Generator<Claim, void, undefined> {
  const checked = checkDefaults(defaults, source);
  const ids = new ClaimIdRegistry(source);
  let lineNumber = 0;
  let count = 0;
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end).trim();
    start = end + 1;
    lineNumber++;
    if (line === '') continue;
    const claim = ndjsonClaim(line, source, lineNumber, checked);
    ids.add(claim, `line ${lineNumber}`);
    count++;
    yield claim;
  }
  if (count === 0) throw badInput(`${source}: the file contains no claims`);
}

/** One non-blank NDJSON line (1-based `lineNumber`) as a claim; `defaults` already checked. */
export function ndjsonClaim(
  line: string,
  source: string,
  lineNumber: number,
  defaults: ClaimDefaults,
): Claim {
  const at = `line ${lineNumber}`;
  refuseDeepJson(line, `${source}: ${at}`);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw badInput(`${source}: ${at}: not a JSON object (${detail})`);
  }
  return claimFromJson(value, source, at, defaults);
}

export function parseNdjsonClaims(
  text: string,
  source: string,
  defaults: ClaimDefaults = {},
): Claim[] {
  return [...iterateNdjsonClaims(text, source, defaults)];
}
