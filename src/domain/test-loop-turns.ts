/**
 * How many turns of the event loop other work got while `work` ran: a ticker re-queues itself
 * with setImmediate until `work` settles. Work done in one synchronous call lets it run at most
 * once; work that yields between slices lets it run between them (tests of long passes).
 */
export async function loopTurnsDuring(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let running = true;
  const tick = (): void => {
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  try {
    await work();
    return turns;
  } finally {
    running = false;
  }
}
