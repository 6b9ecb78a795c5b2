import type { JobError } from '../domain/job-queue.ts';
import { dbFault, dbFaultError } from '../db/db-fault.ts';
import { CodecardError } from '../errors/codecard-error.ts';

/**
 * How a failed job reports its failure: a CodecardError by its code and message, a database
 * outage or a full disk as such, anything else as a generic message (the detail goes to the
 * server log, never to the caller: it may hold paths).
 */
export function jobFailure(error: unknown, kind: string): JobError {
  const known = error instanceof CodecardError ? error : dbFaultError(error, `the ${kind}`);
  if (known) return { code: known.code, message: known.message };
  console.error(error);
  return { code: 'UNEXPECTED', message: `the ${kind} failed unexpectedly; see the server log` };
}

/**
 * Whether another attempt of a failed handler may succeed: only when the database was out of
 * reach. A bad file or a bug fails the same way again, so the job ends failed at once (a worker
 * that died or stopped mid-job is another matter: its job is always retried).
 */
export function retryable(error: unknown): boolean {
  if (error instanceof CodecardError) return error.code === 'DATABASE_UNAVAILABLE';
  return dbFault(error) === 'unavailable';
}
