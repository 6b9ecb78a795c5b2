import { Worker } from 'node:worker_threads';

/**
 * Peak resident memory per labelled phase, sampled every few milliseconds from a worker thread:
 * PGlite runs COPY and CREATE INDEX synchronously in WebAssembly on the main thread, so a
 * sampler on the main event loop would miss exactly the spikes that matter.
 */
export interface RssSampler {
  /** Starts attributing samples to a new phase. */
  phase(label: string): void;
  /** Stops sampling; peak RSS in bytes per phase, in order. */
  stop(): Promise<{ label: string; peakBytes: number }[]>;
}

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const current = new Int32Array(workerData);
const peaks = new Map();
const sample = () => {
  const match = /VmRSS:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  if (!match) return;
  const id = Atomics.load(current, 0);
  peaks.set(id, Math.max(peaks.get(id) ?? 0, Number(match[1]) * 1024));
};
const timer = setInterval(sample, 5);
parentPort.on('message', () => {
  sample();
  clearInterval(timer);
  parentPort.postMessage([...peaks]);
});
`;

export function startRssSampler(): RssSampler {
  const shared = new SharedArrayBuffer(4);
  const current = new Int32Array(shared);
  const labels: string[] = ['start'];
  const worker = new Worker(workerSource, { eval: true, workerData: shared });
  return {
    phase(label) {
      labels.push(label);
      Atomics.store(current, 0, labels.length - 1);
    },
    async stop() {
      const peaks = await new Promise<[number, number][]>((resolve) => {
        worker.once('message', resolve);
        worker.postMessage('stop');
      });
      await worker.terminate();
      const byId = new Map(peaks);
      return labels.map((label, id) => ({ label, peakBytes: byId.get(id) ?? 0 }));
    },
  };
}
