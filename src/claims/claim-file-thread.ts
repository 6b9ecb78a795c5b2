import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../errors/catalog.ts';
import { CodecardError, type ErrorParams } from '../errors/codecard-error.ts';
import type { ReadClaimsOptions } from './claim-input.ts';
import { serialSection } from '../domain/serial-section.ts';
import type { PackedClaims } from './claim-chunks.ts';

export interface ClaimFileTask {
  fileName: string;
  bytes: Uint8Array;
  options: ReadClaimsOptions;
}

export type ClaimFileOutcome =
  | { ok: true; claims: PackedClaims }
  | { ok: false; error: { code: ErrorCode; params: ErrorParams } };

/** Heap of the thread: 100,000 claims with their parse trees fit with room to spare. */
const HEAP_MB = 1024;

/**
 * `readClaims` on its own thread, packed for storage there, so that a large batch file is parsed
 * while the server keeps answering. The bytes move to the thread (no copy kept here); a file
 * that exhausts the thread's heap is refused as too complex instead of ending the server.
 */
export function readClaimsInThread(
  bytes: Buffer,
  fileName: string,
  options: ReadClaimsOptions,
): Promise<PackedClaims> {
  // One file at a time: each thread's heap adds to the process's memory, and concurrent batch
  // uploads would otherwise parse side by side.
  return oneFileAtATime(() => readInThread(bytes, fileName, options));
}

const oneFileAtATime = serialSection();

function readInThread(
  bytes: Buffer,
  fileName: string,
  options: ReadClaimsOptions,
): Promise<PackedClaims> {
  const own = new Uint8Array(bytes);
  const task: ClaimFileTask = { fileName, bytes: own, options };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./claim-file-worker-entry.mjs', import.meta.url), {
      workerData: task,
      transferList: [own.buffer],
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
    });
    let settled = false;
    worker.once('message', (outcome: ClaimFileOutcome) => {
      settled = true;
      if (outcome.ok) resolve(outcome.claims);
      else reject(new CodecardError(outcome.error.code, outcome.error.params));
    });
    worker.once('error', (error: NodeJS.ErrnoException) => {
      settled = true;
      reject(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new CodecardError('DOCUMENT_TOO_COMPLEX', {
              file: fileName,
              detail: `reading its claims needed more than ${HEAP_MB} MB of memory`,
            })
          : error,
      );
    });
    worker.once('exit', (code) => {
      if (!settled)
        reject(
          new CodecardError('PARSE_FAILED', {
            file: fileName,
            detail: `the claim reader stopped (${code})`,
            where: '',
          }),
        );
    });
  });
}
