import { errorCatalog, type ErrorCode } from './catalog.ts';

export type ErrorParams = Record<string, string | number | undefined>;

/** Errors are for broken input or broken systems; rule hits are data, never errors. */
export class CodecardError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly status: number;
  /** Structured facts about the error for the reply's `error.details` (e.g. a card's NOT_FOUND). */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: ErrorCode,
    params: ErrorParams = {},
    details?: Readonly<Record<string, unknown>>,
  ) {
    super(renderMessage(code, params));
    this.name = 'CodecardError';
    this.code = code;
    this.params = params;
    this.status = errorCatalog[code].status;
    this.details = details;
  }
}

function renderMessage(code: ErrorCode, params: ErrorParams): string {
  return errorCatalog[code].message.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    return value === undefined ? '' : String(value);
  });
}

/** A location inside a file for error messages: " line 12", " page 3", " row 7". */
export function where(kind: 'line' | 'page' | 'row' | 'position', n: number): string {
  return ` ${kind} ${n}`;
}

export function parseFailed(file: string, detail: string, at?: string): CodecardError {
  return new CodecardError('PARSE_FAILED', { file, detail, where: at ?? '' });
}
