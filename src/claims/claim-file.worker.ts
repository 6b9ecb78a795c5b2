/**
 * The thread that parses a whole claim file (JSON, CSV, X12): 100,000 CSV claims take seconds
 * of synchronous parsing, which on the main thread held every request (health included) for
 * as long. Started by `claim-file-thread.ts` through its plain-module entry; one file per thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CodecardError } from '../errors/codecard-error.ts';
import { packAll } from './claim-chunks.ts';
import { readClaims } from './claim-input.ts';
import type { ClaimFileTask, ClaimFileOutcome } from './claim-file-thread.ts';

const task = workerData as ClaimFileTask;

function run(): ClaimFileOutcome {
  try {
    const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
    // Packed here: the main thread never holds the file's claims as objects.
    return { ok: true, claims: packAll(readClaims(bytes, task.fileName, task.options)) };
  } catch (error) {
    if (error instanceof CodecardError)
      return { ok: false, error: { code: error.code, params: error.params } };
    throw error;
  }
}

parentPort?.postMessage(run());
