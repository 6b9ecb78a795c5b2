import Fastify from 'fastify';
import { describe, expect, test } from 'vitest';
import { ExpensiveLane, registerExpensiveLane } from './expensive-lane.ts';
import { handleError } from './error-handler.ts';

/** A promise and its resolver, to hold a handler until the test lets it go. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('ExpensiveLane', () => {
  test('runs `concurrency` at once and the rest in the order they came', async () => {
    const lane = new ExpensiveLane(2, 10);
    const order: number[] = [];
    const first = await lane.enter();
    const second = await lane.enter();
    const waiting = [3, 4].map((n) => lane.enter().then((release) => (order.push(n), release)));
    await Promise.resolve();
    expect(order).toEqual([]);
    expect(lane.queued).toBe(2);
    first();
    first(); // a second release of the same turn changes nothing
    const third = await waiting[0]!;
    expect(order).toEqual([3]);
    expect(lane.queued).toBe(1);
    second();
    (await waiting[1]!)();
    third();
    expect(order).toEqual([3, 4]);
    // All turns are back: two can enter at once again without waiting.
    await lane.enter();
    await lane.enter();
    expect(lane.queued).toBe(0);
  });

  test('refuses with BUSY past the waiting limit', async () => {
    const lane = new ExpensiveLane(1, 1);
    await lane.enter();
    void lane.enter();
    await expect(lane.enter()).rejects.toMatchObject({ code: 'BUSY' });
  });

  test('0: no lane', async () => {
    const lane = new ExpensiveLane(0, 0);
    await Promise.all([lane.enter(), lane.enter(), lane.enter()]);
    expect(lane.queued).toBe(0);
  });
});

describe('registerExpensiveLane', () => {
  test('expensive routes take turns, other routes pass, a full queue answers 503', async () => {
    const app = Fastify();
    app.setErrorHandler(handleError);
    registerExpensiveLane(app, new ExpensiveLane(1, 1));
    const held = gate();
    let running = 0;
    let most = 0;
    app.post('/slow', { config: { expensive: true } }, async () => {
      running++;
      most = Math.max(most, running);
      await held.opened;
      running--;
      return { ok: true };
    });
    app.get('/card', () => ({ card: true }));
    await app.ready();

    const first = app.inject({ method: 'POST', url: '/slow' });
    const second = app.inject({ method: 'POST', url: '/slow' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await app.inject({ url: '/card' })).json()).toEqual({ card: true });
    const refused = await app.inject({ method: 'POST', url: '/slow' });
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.json()).toMatchObject({ error: { code: 'BUSY' } });
    held.open();
    expect((await first).statusCode).toBe(200);
    expect((await second).statusCode).toBe(200);
    expect(most).toBe(1);
    await app.close();
  });
});
