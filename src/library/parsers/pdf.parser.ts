import { Worker } from 'node:worker_threads';
import { CodecardError, parseFailed, type ErrorParams } from '../../errors/codecard-error.ts';
import type { ErrorCode } from '../../errors/catalog.ts';
import type { DocumentParser, ParsedDocument, SourceFile } from '../import-kind.ts';

/** A message to the PDF worker thread. */
export interface PdfJob {
  id: number;
  fileName: string;
  bytes: Uint8Array;
}

export type PdfJobResult =
  | { id: number; ok: true; document: ParsedDocument }
  | { id: number; ok: false; error: { code: ErrorCode; params: ErrorParams } };

export interface PdfReaderOptions {
  /** A PDF that takes longer is refused and its worker restarted (default 10 minutes). */
  timeoutMs?: number;
  /** Heap cap of the worker thread, so a pathological PDF cannot exhaust the server. */
  maxHeapMb?: number;
}

interface Pending {
  fileName: string;
  resolve: (document: ParsedDocument) => void;
  reject: (error: CodecardError) => void;
  timer: NodeJS.Timeout;
}

/**
 * Reads PDFs in one long-lived worker thread (pdf-text.worker.ts), started on first use. The
 * main thread stays responsive, a hostile PDF that hangs is cut off by the timeout, one that
 * exhausts memory or leaves pdfjs rejections behind ends or dirties only the worker, and the
 * next PDF gets a fresh one. Jobs run concurrently in the worker; a timeout or crash fails
 * every job in flight with PARSE_FAILED.
 */
export class PdfReader {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Per-job time limit; may be changed between jobs. */
  timeoutMs: number;
  private readonly maxHeapMb: number;

  constructor(options: PdfReaderOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10 * 60_000;
    this.maxHeapMb = options.maxHeapMb ?? 2_048;
  }

  read(file: SourceFile): Promise<ParsedDocument> {
    const id = this.nextId++;
    // A private copy whose buffer moves to the worker (the caller's Buffer stays intact).
    const bytes = new Uint8Array(file.bytes);
    return new Promise<ParsedDocument>((resolve, reject) => {
      let worker: Worker;
      try {
        worker = this.ensureWorker();
      } catch (error) {
        reject(parseFailed(file.fileName, `the PDF reader could not start (${String(error)})`));
        return;
      }
      const timer = setTimeout(() => {
        const seconds = Math.round(this.timeoutMs / 1000);
        this.failAll((jobId) =>
          jobId === id
            ? `reading the PDF took longer than ${seconds} s; it was stopped`
            : 'reading was interrupted because another PDF had to be stopped; upload it again',
        );
      }, this.timeoutMs);
      this.pending.set(id, { fileName: file.fileName, resolve, reject, timer });
      worker.ref();
      const job: PdfJob = { id, fileName: file.fileName, bytes };
      worker.postMessage(job, [bytes.buffer]);
    });
  }

  /** Stops the worker (tests, shutdown); jobs in flight fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.failAll(() => 'the PDF reader was shut down');
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(bootstrap(), {
      eval: true,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb },
    });
    worker.on('message', (result: PdfJobResult) => this.settle(result));
    worker.on('error', (error) => {
      if (this.worker !== worker) return;
      const reason =
        (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? 'reading the PDF needed more memory than allowed; it was stopped'
          : `the PDF reader failed (${error.message.split('\n')[0] ?? ''})`;
      this.failAll(() => reason);
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.failAll(() => 'the PDF reader stopped unexpectedly');
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(result: PdfJobResult): void {
    const job = this.pending.get(result.id);
    if (!job) return;
    this.pending.delete(result.id);
    clearTimeout(job.timer);
    if (this.pending.size === 0) this.worker?.unref();
    if (result.ok) job.resolve(result.document);
    else job.reject(new CodecardError(result.error.code, result.error.params));
  }

  /** Fails every job in flight and drops the worker; the next job starts a new one. */
  private failAll(detail: (id: number) => string): void {
    const worker = this.worker;
    this.worker = null;
    for (const [id, job] of this.pending) {
      this.pending.delete(id);
      clearTimeout(job.timer);
      job.reject(parseFailed(job.fileName, detail(id)));
    }
    if (worker) void worker.terminate();
  }
}

/**
 * Worker source: plain JavaScript that loads the TypeScript worker module. Under tsx (npm start,
 * the CLI, vitest) the module is .ts and tsx is registered inside the thread first.
 */
function bootstrap(): string {
  const self = import.meta.url;
  const extension = self.endsWith('.ts') ? '.ts' : '.js';
  const target = new URL(`./pdf-text.worker${extension}`, self).href;
  const load = `import(${JSON.stringify(target)})`;
  return extension === '.ts'
    ? // tsx is resolved here, from this module: an eval'd worker resolves bare names from the cwd.
      `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return ${load}; });`
    : load;
}

const sharedReader = new PdfReader();

/** PDF -> passages with pages, read in the shared PDF worker thread. */
export const parsePdf: DocumentParser = (file) => sharedReader.read(file);
