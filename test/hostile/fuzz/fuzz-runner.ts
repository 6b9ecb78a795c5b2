import { Worker } from 'node:worker_threads';
import type { FuzzInput, FuzzOutcome } from './fuzz-target.ts';

export type RunOutcome =
  FuzzOutcome | { kind: 'hang'; detail: string } | { kind: 'died'; detail: string };

/** Loads fuzz-worker.ts in a thread through tsx, as the PDF parser loads its worker. */
function bootstrap(): string {
  const target = new URL('./fuzz-worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(target)}); });`;
}

/**
 * One parser thread with a per-input timeout: an input that does not finish in time is a hang
 * (the thread is ended and a fresh one takes the next input).
 */
export class FuzzRunner {
  private worker: Worker | null = null;
  /** Unhandled rejections the thread reported (a crash that escaped the parser's promise). */
  readonly unhandled: string[] = [];

  private start(): Worker {
    const worker = new Worker(bootstrap(), {
      eval: true,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  run(input: FuzzInput, timeoutMs: number): Promise<RunOutcome> {
    const worker = this.worker ?? this.start();
    return new Promise((resolve) => {
      const done = (outcome: RunOutcome, restart: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (restart) {
          this.worker = null;
          void worker.terminate();
        }
        resolve(outcome);
      };
      const onMessage = (message: { outcome?: FuzzOutcome; unhandled?: string }) => {
        if (message.unhandled) this.unhandled.push(message.unhandled);
        if (message.outcome) done(message.outcome, false);
      };
      const onError = (error: Error) =>
        done({ kind: 'died', detail: `${error.name}: ${error.message}` }, true);
      const onExit = (code: number) =>
        done({ kind: 'died', detail: `the thread exited (${code})` }, true);
      const timer = setTimeout(
        () => done({ kind: 'hang', detail: `no result within ${timeoutMs} ms` }, true),
        timeoutMs,
      );
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage(input);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}
