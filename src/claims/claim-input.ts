import { CodecardError } from '../errors/codecard-error.ts';
import { decodeText } from '../library/intake/decode-text.ts';
import type { Claim } from './claim-types.ts';
import { parseCsvClaims } from './csv-claims.ts';
import { parseJsonClaims } from './json-claims.ts';
import { parseNdjsonClaims } from './ndjson-claims.ts';
import { parseX12Claims } from './x12/x12-837.ts';
import type { Setting } from '../domain/setting.ts';

export type ClaimFormat = 'json' | 'ndjson' | 'csv' | 'x12';

export interface ReadClaimsOptions {
  /** Replaces every claim's setting (the CLI's --setting), including one the file states. */
  setting?: Setting;
  /** Skips detection when the caller knows the format. */
  format?: ClaimFormat;
}

/**
 * Guesses the format from the content, not the file name, since claim exports are often named
 * .txt or .dat. NDJSON is told from JSON by the whole text not parsing while its first line does.
 */
export function detectClaimFormat(text: string): ClaimFormat {
  const start = text.trimStart();
  if (start.startsWith('ISA')) return 'x12';
  if (start.startsWith('[')) return 'json';
  if (!start.startsWith('{')) return 'csv';
  try {
    JSON.parse(start);
    return 'json';
  } catch {
    const newline = start.indexOf('\n');
    const firstLine = newline === -1 ? start : start.slice(0, newline);
    try {
      const first: unknown = JSON.parse(firstLine);
      return typeof first === 'object' && first !== null ? 'ndjson' : 'json';
    } catch {
      // A pretty-printed object whose first line is "{": report it as the JSON it claims to be.
      return 'json';
    }
  }
}

export function readClaims(
  bytes: Buffer,
  fileName: string,
  options: ReadClaimsOptions = {},
): Claim[] {
  const { text } = decodeText(bytes, fileName);
  if (text.trim() === '') throw new CodecardError('EMPTY_FILE', { file: fileName });
  const format = options.format ?? detectClaimFormat(text);
  const defaults = options.setting === undefined ? {} : { setting: options.setting };
  let claims: Claim[];
  switch (format) {
    case 'x12':
      claims = parseX12Claims(text, fileName);
      break;
    case 'json':
      claims = parseJsonClaims(text, fileName, defaults);
      break;
    case 'ndjson':
      claims = parseNdjsonClaims(text, fileName, defaults);
      break;
    case 'csv':
      claims = parseCsvClaims(text, fileName, defaults);
      break;
  }
  const { setting } = options;
  return setting === undefined ? claims : claims.map((claim) => ({ ...claim, setting }));
}
