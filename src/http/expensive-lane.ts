import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { CodecardError } from '../errors/codecard-error.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route is expensive (Ask, a claim check): it runs in the limited lane. */
    expensive?: boolean;
  }
}

/** How long a refused caller is asked to wait: a question takes a fraction of a second. */
const RETRY_AFTER_SECONDS = 5;

/**
 * A limited number of expensive requests (Ask, single claim checks: tens of milliseconds of CPU
 * each, more under load) run at once in a process; the rest wait their turn in order, costing
 * nothing meanwhile. Why: on a saturated server every request's latency is the work queued
 * ahead of it, so without a lane a card (a cached card is about a millisecond of work) waited
 * behind dozens of half-done answers; with it, cards and searches pass the queue. Past
 * `maxWaiting` waiting, an expensive request is refused with BUSY (503, Retry-After).
 */
export class ExpensiveLane {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  /** `concurrency` 0: no lane (every request runs at once, as before). */
  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {}

  /** Waits for a turn (or refuses with BUSY); returns the turn's release (safe to call twice). */
  async enter(): Promise<() => void> {
    if (this.concurrency <= 0) return () => {};
    if (this.running < this.concurrency) this.running++;
    else if (this.waiting.length >= this.maxWaiting) {
      throw new CodecardError('BUSY', {
        waiting: this.waiting.length,
        seconds: RETRY_AFTER_SECONDS,
        setting: 'CODECARD_EXPENSIVE_REQUESTS',
      });
    } else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next)
        next(); // the turn passes on: `running` stays
      else this.running--;
    };
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** False for a lane of 0 (no limit): nothing to wait for, so no hook is needed. */
  get limited(): boolean {
    return this.concurrency > 0;
  }
}

/**
 * Runs routes with `config: { expensive: true }` in the lane: the turn is taken last before the
 * handler (after the caller is known, the body validated and the rate limit passed, so a refused
 * request never waits), and given back when the response is done or the connection closes,
 * whichever comes first.
 */
export function registerExpensiveLane(app: FastifyInstance, lane: ExpensiveLane): void {
  if (!lane.limited) return;
  const takeTurn: preHandlerAsyncHookHandler = async (_request, reply) => {
    const release = await lane.enter().catch((error: unknown) => {
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      throw error;
    });
    reply.raw.once('close', release);
    reply.raw.once('finish', release);
  };
  app.addHook('onRoute', (route) => {
    if (!route.config?.expensive) return;
    const before = route.preHandler ?? [];
    route.preHandler = [...(Array.isArray(before) ? before : [before]), takeTurn];
  });
}
