/**
 * The one error catalog: every error a user can see has a stable code, an HTTP status and a
 * message template. `{name}` placeholders are filled from the error's params.
 */
export const errorCatalog = {
  BAD_INPUT: { status: 400, message: '{detail}' },
  EMPTY_FILE: { status: 400, message: '{file}: the file is empty' },
  FILE_TOO_LARGE: {
    status: 413,
    message: '{file}: {size} bytes is over the limit of {limit} bytes',
  },
  UNKNOWN_TYPE: { status: 415, message: '{file}: {detail}' },
  TYPE_MISMATCH: { status: 415, message: '{file}: {detail}' },
  BAD_ENCODING: { status: 400, message: '{file}: {detail}' },
  ZIP_LIMIT: { status: 400, message: '{file}: {detail}' },
  XML_FORBIDDEN: { status: 400, message: '{file}{where}: {detail}' },
  PARSE_FAILED: { status: 400, message: '{file}{where}: {detail}' },
  NOTHING_IMPORTED: { status: 400, message: '{file}: {detail}' },
  CROSS_SITE_REQUEST: {
    status: 403,
    message:
      'this request came from another site ({origin}); changes are accepted only from Codecard itself',
  },
  NOT_FOUND: { status: 404, message: '{detail}' },
  UNKNOWN_HOST: {
    status: 421,
    message:
      'this server does not answer for host "{host}" (set CODECARD_PUBLIC_URL to the address users reach it at)',
  },
  NOT_READY: { status: 409, message: '{detail}' },
  RATE_LIMITED: { status: 429, message: 'too many requests; try again in {seconds} seconds' },
  STORE_LOCKED: { status: 500, message: '{detail}' },
  DATABASE: { status: 500, message: '{detail}' },
} as const;

export type ErrorCode = keyof typeof errorCatalog;
