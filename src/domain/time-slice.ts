import { setImmediate } from 'node:timers/promises';

/** How long a synchronous loop may run before it lets the event loop turn. */
export const SLICE_MS = 20;

/**
 * A long loop of small synchronous steps (parsing rows, detecting mentions, sorting edits) asks
 * now and then whether its slice is spent; if so it yields one turn of the event loop, so health
 * probes and requests queued meanwhile are answered within about `SLICE_MS`.
 */
export class TimeSlice {
  private started = performance.now();

  constructor(private readonly sliceMs: number = SLICE_MS) {}

  async yieldIfSpent(): Promise<void> {
    if (performance.now() - this.started < this.sliceMs) return;
    await setImmediate();
    this.restart();
  }

  /** Starts a new slice (after the caller yielded by other means). */
  restart(): void {
    this.started = performance.now();
  }
}
