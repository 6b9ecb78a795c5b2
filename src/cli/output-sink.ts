import { once } from 'node:events';
import { terminalSafe } from './terminal-safe.ts';

const FLUSH_AT = 64 * 1024;

/**
 * Buffered writes to stdout that wait for a slow reader: without waiting for 'drain', a report
 * of a million claims piped into a slow consumer would pile up in memory.
 */
export class OutputSink {
  private buffer = '';

  /** `as`: how text from documents is made safe for a terminal (see terminalSafe). */
  constructor(
    private readonly stream: NodeJS.WritableStream = process.stdout,
    private readonly as: 'text' | 'json' = 'text',
  ) {}

  /** Appends text; true when the caller should `await flush()` before writing more. */
  write(text: string): boolean {
    this.buffer += terminalSafe(text, this.as);
    return this.buffer.length >= FLUSH_AT;
  }

  async flush(): Promise<void> {
    if (this.buffer === '') return;
    const text = this.buffer;
    this.buffer = '';
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }
}
