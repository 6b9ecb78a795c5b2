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
  UPLOAD_TOO_LARGE: {
    status: 413,
    message:
      'the files of this upload add up to more than the limit of {limit} bytes per upload ({setting}); send them in several uploads',
  },
  TOO_MANY_UPLOADS: {
    status: 429,
    message:
      'you already have {limit} uploads in progress, the most at once ({setting}); try again in {seconds} seconds',
  },
  UNKNOWN_TYPE: { status: 415, message: '{file}: {detail}' },
  TYPE_MISMATCH: { status: 415, message: '{file}: {detail}' },
  BAD_ENCODING: { status: 400, message: '{file}: {detail}' },
  ZIP_LIMIT: { status: 400, message: '{file}: {detail}' },
  XML_FORBIDDEN: { status: 400, message: '{file}{where}: {detail}' },
  PARSE_FAILED: { status: 400, message: '{file}{where}: {detail}' },
  /** A document inside the size limits that needs more work than allowed; detail names the limit. */
  DOCUMENT_TOO_COMPLEX: { status: 422, message: '{file}: {detail}' },
  NOTHING_IMPORTED: { status: 400, message: '{file}: {detail}' },
  /** Release sync: a mirror index that cannot be read, a download or a check that failed. */
  SYNC_MIRROR: { status: 400, message: 'release mirror {mirror}: {detail}' },
  DOWNLOAD_FAILED: { status: 502, message: '{url}: {detail}' },
  RELEASE_REJECTED: { status: 422, message: '{file}: {detail}' },
  CROSS_SITE_REQUEST: {
    status: 403,
    message:
      'this request came from another site ({origin}); changes are accepted only from Codecard itself',
  },
  NOT_FOUND: { status: 404, message: '{detail}' },
  SIGN_IN_REQUIRED: {
    status: 401,
    message: 'sign in first (or send an API key as a Bearer token)',
  },
  SIGN_IN_FAILED: { status: 401, message: 'the email or password is not right' },
  ACCOUNT_LOCKED: {
    status: 429,
    message: 'too many failed sign-ins for this account; try again in {seconds} seconds',
  },
  FORBIDDEN: { status: 403, message: 'your role ({role}) may not {action}; it needs {needed}' },
  SETUP_REQUIRED: {
    status: 503,
    message:
      'Codecard has no administrator yet: open the one-time setup link printed at start, or run "codecard user add"',
  },
  INVITE_INVALID: {
    status: 400,
    message: 'this link is not valid any more (used, expired or mistyped); ask for a new one',
  },
  SETUP_LOOPBACK_ONLY: {
    status: 403,
    message:
      'the setup link works only from this machine (set CODECARD_SETUP_REMOTE=1 to allow it)',
  },
  SSO_FAILED: {
    status: 401,
    message: 'single sign-on did not complete ({reason}); start again from the sign-in page',
  },
  SSO_NO_ROLE: {
    status: 403,
    message: 'your groups grant no Codecard role; ask your administrator for access',
  },
  SSO_EMAIL_CONFLICT: {
    status: 409,
    message:
      'a Codecard account with your email already exists and your identity provider has not verified that email, so it was not linked; ask your administrator',
  },
  /** Case-specific answers need the organization's EHR connection (issue 18). */
  EHR_NOT_CONNECTED: {
    status: 403,
    message:
      'case-specific answers need EHR integration: your organization has no EHR connection; ask an administrator to set one up',
  },
  /** A SMART launch refused: unknown issuer, wrong state, a token that fails its checks. */
  SMART_LAUNCH_FAILED: {
    status: 400,
    message:
      'the launch from the EHR did not complete ({reason}); open Codecard from the EHR again',
  },
  /** A CDS Hooks call whose JWT did not verify (issuer, keys, signature, aud, times, jti). */
  CDS_CLIENT_REFUSED: {
    status: 401,
    message:
      'the CDS Hooks call was refused ({reason}); the EHR must sign it with the key of the CDS client registered in the organization’s EHR connection',
  },
  /** The case token is missing, expired, or not this user's. */
  EHR_CASE_REQUIRED: {
    status: 401,
    message: 'no open EHR case ({reason}); open Codecard from the patient’s chart in the EHR',
  },
  /** A FHIR read from the EHR failed (status, time or size limit). */
  EHR_READ_FAILED: { status: 502, message: 'the EHR did not answer a read ({reason})' },
  WEAK_PASSWORD: { status: 400, message: 'a password needs {min} to {max} characters' },
  EMAIL_TAKEN: { status: 409, message: 'an account with this email already exists' },
  RATE_LIMITED: { status: 429, message: 'too many requests; try again in {seconds} seconds' },
  /** Too many questions and checks are waiting for the limited lane (expensive-lane.ts). */
  BUSY: {
    status: 503,
    message:
      'the server is answering {waiting} other questions and checks; try again in {seconds} seconds ({setting})',
  },
  UNKNOWN_HOST: {
    status: 421,
    message:
      'this server does not answer for host "{host}" (set CODECARD_PUBLIC_URL to the address users reach it at)',
  },
  NOT_READY: { status: 409, message: '{detail}' },
  /** A release named for a diff (label, version id or effective date) that no dataset holds. */
  RELEASE_UNKNOWN: {
    status: 404,
    message:
      'no release "{ref}"{dataset}; name one by its release label, version id or effective date (codecard changes lists them)',
  },
  RELEASE_AMBIGUOUS: {
    status: 400,
    message: '"{ref}" names {count} releases ({candidates}); give the version id or --dataset',
  },
  RELEASES_DIFFER: {
    status: 400,
    message:
      'releases of different datasets cannot be compared: {from} is {fromDataset}, {to} is {toDataset}',
  },
  DATASET_NOT_DIFFABLE: {
    status: 400,
    message:
      '{dataset} is not a dataset a diff compares (NCCI PTP and MUE, HCPCS, ICD-10-CM order files, MPFS RVU, GPCI)',
  },
  /** A batch check's error after a restart (never an HTTP reply of its own). */
  CHECK_INTERRUPTED: {
    status: 503,
    message:
      'the server stopped while this check ran; {done} of {total} claims were checked (resume it to check the rest)',
  },
  STORE_LOCKED: { status: 500, message: '{detail}' },
  DATABASE: { status: 500, message: '{detail}' },
  DATABASE_UNAVAILABLE: {
    status: 503,
    message: 'the database cannot be reached ({detail}); try again in {seconds} seconds',
  },
  DISK_FULL: {
    status: 507,
    message:
      '{file}: no space left on the device ({detail}); everything was rolled back and nothing was saved',
  },
  /** An upload's blob is gone: swept, deleted, or in a blob store this process cannot see. */
  BLOB_MISSING: {
    status: 410,
    message:
      'the uploaded file is no longer stored ({detail}); upload it again (every instance and worker must share one blob store, {setting})',
  },
  /** A case read from the EHR (src/ehr) whose chart gives no date to check it for. */
  EHR_CASE_NO_DATE: {
    status: 422,
    message:
      'the encounter {encounter} has no date of service (no period start, procedure date or order date)',
  },
} as const;

export type ErrorCode = keyof typeof errorCatalog;
