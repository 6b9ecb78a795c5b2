import { dbFault } from '../db/db-fault.ts';
import { describeDbError } from '../db/describe-db-error.ts';

/**
 * The server keeps serving through a database that goes away: a stray rejection or an error
 * event from a dead connection is logged (SQLSTATE or pg's own words, never a URL) instead of
 * ending the process, and the next request reconnects. Any other uncaught exception leaves the
 * process in an unknown state, so it still ends it (exit 70), after saying why.
 */
export function surviveDatabaseFaults(
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  exit: (code: number) => void = (code) => process.exit(code),
): () => void {
  const onRejection = (reason: unknown) => {
    log(`codecard: unhandled rejection (kept serving): ${describe(reason)}`);
  };
  const onException = (error: unknown) => {
    if (dbFault(error) !== null) {
      log(`codecard: database fault (kept serving): ${describeDbError(error)}`);
      return;
    }
    log(`codecard: uncaught exception, stopping: ${describe(error)}`);
    exit(70);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}

function describe(error: unknown): string {
  if (dbFault(error) !== null) return describeDbError(error);
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
