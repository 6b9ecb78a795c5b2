import { Piscina } from 'piscina';
import { CodecardError, parseFailed } from '../../errors/codecard-error.ts';
import type { DocumentKind, ParsedDocument, SourceFile } from '../import-kind.ts';
import { documentLimits, type DocumentLimits } from '../intake/limits.ts';
import type { ParseOutcome, ParseTask } from './parser.worker.ts';
import { documentTooComplex } from './work-limits.ts';

export interface ParserPoolOptions {
  /** Old-generation heap cap of each parser thread in MB (CODECARD_PARSE_HEAP_MB). */
  maxHeapMb?: number;
  /** Wall-clock limit of one document in ms (CODECARD_PARSE_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Parser threads; imports run one at a time, so one is enough. */
  threads?: number;
  /** Work limits the parsers check (default: the intake limits). */
  limits?: Partial<DocumentLimits>;
}

export interface ParseOptions {
  /** Cancels the parse: a running one has its thread stopped. */
  signal?: AbortSignal | undefined;
}

/** A prose parser that runs in the pool. */
export type PooledParser = (file: SourceFile, options?: ParseOptions) => Promise<ParsedDocument>;

export const defaultParseHeapMb = 512;
export const defaultParseTimeoutMs = 60_000;

/** Why the pool aborted a task itself (the caller's own signal carries its own reason). */
const TIMED_OUT = Symbol('parse timed out');

/**
 * Prose parsers run in a small piscina pool of worker threads (parser.worker.ts), so no document
 * can crash, freeze or exhaust the server: each thread has a heap cap, each document a
 * wall-clock limit and the caller's cancel signal. Over the heap cap the thread dies; past the
 * time limit or on cancel piscina stops it; either way only that document fails
 * (DOCUMENT_TOO_COMPLEX naming the limit, or the cancel reason) and a fresh thread takes the
 * next one. Documents wait here, not in piscina, so the clock starts when a thread is free.
 */
export class ParserPool {
  readonly maxHeapMb: number;
  /** May be changed between documents. */
  timeoutMs: number;
  private readonly threads: number;
  private readonly limits: DocumentLimits;
  private pool: Piscina<ParseTask, ParseOutcome> | null = null;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(options: ParserPoolOptions = {}) {
    this.maxHeapMb = options.maxHeapMb ?? defaultParseHeapMb;
    this.timeoutMs = options.timeoutMs ?? defaultParseTimeoutMs;
    this.threads = options.threads ?? 1;
    this.limits = { ...documentLimits, ...options.limits };
  }

  async parse(
    kind: DocumentKind,
    file: SourceFile,
    options: ParseOptions = {},
  ): Promise<ParsedDocument> {
    const { signal } = options;
    signal?.throwIfAborted();
    await this.turn(signal);
    try {
      signal?.throwIfAborted();
      return await this.run(kind, file, signal);
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  /** Stops the threads (shutdown, tests); documents in flight fail. */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy();
  }

  private async run(
    kind: DocumentKind,
    file: SourceFile,
    signal: AbortSignal | undefined,
  ): Promise<ParsedDocument> {
    // A private copy whose buffer moves to the thread (the caller's Buffer stays intact).
    const bytes = new Uint8Array(file.bytes);
    const task: ParseTask = { kind, fileName: file.fileName, bytes, limits: this.limits };
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(TIMED_OUT), this.timeoutMs);
    const cancel = () => stop.abort(signal?.reason);
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      const outcome = await this.piscina().run(task, {
        signal: stop.signal,
        transferList: [bytes.buffer],
      });
      if (outcome.ok) return outcome.document;
      throw new CodecardError(outcome.error.code, outcome.error.params);
    } catch (error) {
      throw this.failure(error, file.fileName, stop.signal);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
    }
  }

  private failure(error: unknown, fileName: string, stop: AbortSignal): unknown {
    if (error instanceof CodecardError) return error;
    if (stop.aborted) {
      if (stop.reason !== TIMED_OUT) return stop.reason;
      return documentTooComplex(
        fileName,
        `parsing took longer than ${seconds(this.timeoutMs)} (limit CODECARD_PARSE_TIMEOUT_MS)`,
      );
    }
    if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return documentTooComplex(
        fileName,
        `the parser needed more than ${this.maxHeapMb} MB of memory (limit CODECARD_PARSE_HEAP_MB)`,
      );
    }
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return parseFailed(fileName, `the document parser stopped unexpectedly (${reason})`);
  }

  /** Waits until fewer than `threads` documents are being parsed, or the signal aborts. */
  private turn(signal: AbortSignal | undefined): Promise<void> {
    if (this.running < this.threads) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const go = () => {
        signal?.removeEventListener('abort', cancel);
        this.running++;
        resolve();
      };
      const cancel = () => {
        this.waiting.splice(this.waiting.indexOf(go), 1);
        // The caller's own reason, as its signal.throwIfAborted() would throw it.
        reject(signal?.reason as Error);
      };
      this.waiting.push(go);
      signal?.addEventListener('abort', cancel, { once: true });
    });
  }

  private piscina(): Piscina<ParseTask, ParseOutcome> {
    if (this.pool) return this.pool;
    const pool = new Piscina<ParseTask, ParseOutcome>({
      filename: new URL('./parser-worker-entry.mjs', import.meta.url).href,
      name: 'parseInThread',
      minThreads: 0,
      maxThreads: this.threads,
      // A thread is kept a while: starting one (tsx, the parser modules) takes about a second.
      idleTimeout: 30_000,
      // Idle threads run their event loop (pdfjs leftovers settle) instead of blocking in Atomics.
      atomics: 'disabled',
      // The main thread's flags (--import tsx, vitest's) do not apply in a worker; tsx is
      // registered by the entry module.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb },
    });
    // A thread that dies between documents is replaced on the next one; nothing to report.
    pool.on('error', () => {});
    this.pool = pool;
    return pool;
  }
}

function seconds(ms: number): string {
  return ms < 1_000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
