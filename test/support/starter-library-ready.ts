import { setTimeout as sleep } from 'node:timers/promises';
import type { Ready } from '../../src/contracts/health.ts';

/**
 * Waits until a started server has its starter library in: `codecard serve` listens first and
 * imports it in the background (/health/ready reports how far). Harnesses whose tests read the
 * starter library wait for this before they begin. Returns the seconds it took.
 */
export async function starterLibraryReady(baseUrl: string, timeoutMs = 180_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const response = await fetch(`${baseUrl}/health/ready`).catch(() => null);
    const status = response?.ok ? ((await response.json()) as Ready).starterLibrary : null;
    if (status?.state === 'done') return (performance.now() - started) / 1000;
    if (status?.state === 'failed')
      throw new Error(`the starter library failed to load (${status.done}/${status.total})`);
    await sleep(200);
  }
  throw new Error(`the starter library was not in within ${timeoutMs / 1000} s`);
}
