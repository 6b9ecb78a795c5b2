import { CodecardError } from '../errors/codecard-error.ts';
import { describeDbError } from './describe-db-error.ts';

/** What a failure says about the database underneath, if anything. */
export type DbFault = 'unavailable' | 'disk-full';

/** Seconds a caller is told to wait (Retry-After) while the database cannot be reached. */
export const DATABASE_RETRY_SECONDS = 5;

// SQLSTATE 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now; class 08 is
// connection exceptions. Socket-level codes come from Node; the messages from pg itself.
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03']);
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
const UNAVAILABLE_TEXT =
  /Connection terminated|connection error and is not queryable|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|timeout exceeded when trying to connect/i;
// Node's ENOSPC, PostgreSQL's 53100 disk_full, and the text PostgreSQL (also inside PGlite,
// whose WASM file system reports the host's ENOSPC as the same message) puts in its error.
const DISK_FULL_TEXT = /no space left on device|ENOSPC|disk_full|could not extend file/i;

/** Classifies a failure without recursion into causes deeper than a few levels. */
export function dbFault(error: unknown): DbFault | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = 'code' in current && typeof current.code === 'string' ? current.code : '';
    if (
      code === 'ENOSPC' ||
      code === '53100' ||
      DISK_FULL_TEXT.test(current.message) ||
      isWasmNoSpace(current)
    )
      return 'disk-full';
    if (
      UNAVAILABLE_STATES.has(code) ||
      code.startsWith('08') ||
      UNAVAILABLE_ERRNOS.has(code) ||
      UNAVAILABLE_TEXT.test(current.message)
    )
      return 'unavailable';
    current = current.cause;
  }
  return null;
}

/** PGlite's file system (Emscripten) raising ENOSPC itself: ErrnoError with its errno 51. */
function isWasmNoSpace(error: Error): boolean {
  return error.name === 'ErrnoError' && 'errno' in error && error.errno === 51;
}

/**
 * The catalog error for a database fault, or null for any other failure. `file` names what was
 * being written when the disk filled up (an import's file name).
 */
export function dbFaultError(error: unknown, file = 'the import'): CodecardError | null {
  switch (dbFault(error)) {
    case 'unavailable':
      return new CodecardError('DATABASE_UNAVAILABLE', {
        detail: describeDbError(error),
        seconds: DATABASE_RETRY_SECONDS,
      });
    case 'disk-full':
      return new CodecardError('DISK_FULL', { file, detail: describeDbError(error) });
    case null:
      return null;
  }
}
