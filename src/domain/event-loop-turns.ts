import { setImmediate } from 'node:timers/promises';

/** How long synchronous work may run before it lets the event loop turn. */
const SLICE_MS = 15;

/**
 * Lets long synchronous work give the event loop a turn every few milliseconds: on the embedded
 * store the database answers in microtasks, so work that never awaits a macrotask holds health
 * checks and every other request until it ends.
 */
export class EventLoopTurns {
  private since = performance.now();

  /** Yields when the work has run for a slice since its last turn. */
  async maybe(): Promise<void> {
    if (performance.now() - this.since < SLICE_MS) return;
    await setImmediate();
    this.since = performance.now();
  }
}
