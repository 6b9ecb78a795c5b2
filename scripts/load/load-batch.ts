import { setTimeout as sleep } from 'node:timers/promises';
import type { BatchJob } from '../../src/contracts/check-jobs.ts';

export interface BatchOutcome {
  submitted: number;
  finished: number;
  failed: number;
  /** Claims checked (finished batches, plus the running one's progress at the end). */
  claims: number;
  seconds: number;
}

/**
 * Keeps one batch check running on `base` until `stop` resolves: uploads the NDJSON file,
 * polls its progress, and submits it again when it is done.
 */
export async function runBatches(
  base: string,
  apiKey: string,
  ndjson: string,
  stop: Promise<void>,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { submitted: 0, finished: 0, failed: 0, claims: 0, seconds: 0 };
  const started = performance.now();
  let stopped = false;
  void stop.then(() => (stopped = true));
  const headers = { authorization: `Bearer ${apiKey}` };
  while (!stopped) {
    const form = new FormData();
    form.append('file', new Blob([ndjson], { type: 'application/x-ndjson' }), 'load.ndjson');
    const response = await fetch(`${base}/api/checks/batch`, {
      method: 'POST',
      headers,
      body: form,
    });
    if (response.status !== 202) {
      outcome.failed++;
      process.stderr.write(`batch upload answered ${response.status}: ${await response.text()}\n`);
      await sleep(1000);
      continue;
    }
    outcome.submitted++;
    let job = (await response.json()) as BatchJob;
    while (job.status === 'queued' || job.status === 'running') {
      if (stopped) {
        outcome.claims += job.progress.done;
        break;
      }
      await sleep(500);
      const polled = await fetch(`${base}/api/checks/batch/${job.id}`, { headers });
      if (polled.ok) job = (await polled.json()) as BatchJob;
    }
    if (job.status === 'done') {
      outcome.finished++;
      outcome.claims += job.progress.done;
    } else if (job.status !== 'queued' && job.status !== 'running') outcome.failed++;
  }
  outcome.seconds = (performance.now() - started) / 1000;
  return outcome;
}
