import { Worker } from 'node:worker_threads';

/** What the monitor saw while a case ran. */
export interface MonitorReport {
  probes: number;
  /** Slowest `/health/live` answer (or the longest wait for one that never came), ms. */
  maxLiveMs: number;
  /** Probes with no answer, or an answer that is not a 200 JSON reply. */
  bad: number;
  /** A few of the bad answers, e.g. "404 ×12", "ECONNREFUSED ×3". */
  badKinds: Record<string, number>;
  /** Highest VmRSS sampled, and the kernel's own high-water mark (VmHWM, reset at start). */
  peakRssBytes: number;
  /** True when the server passed the kill limit and was killed by the monitor. */
  killed: boolean;
}

export interface MonitorOptions {
  baseUrl: string;
  pid: number;
  killBytes: number;
  probeEveryMs?: number;
  sampleEveryMs?: number;
}

/*
 * Plain JavaScript in its own thread: the test's own event loop is busy generating and sending
 * hostile inputs, and a probe timed there would blame the server for the test's stalls.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync, writeFileSync } = require('node:fs');
const { baseUrl, pid, killBytes, probeEveryMs, sampleEveryMs } = workerData;
const report = { probes: 0, maxLiveMs: 0, bad: 0, badKinds: {}, peakRssBytes: 0, killed: false };
let stopping = false;
let pending = null;
const status = (field) => {
  try {
    const match = new RegExp(field + ':\\\\s+(\\\\d+) kB').exec(readFileSync('/proc/' + pid + '/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch { return 0; }
};
try { writeFileSync('/proc/' + pid + '/clear_refs', '5'); } catch {}
const sample = () => {
  const rss = status('VmRSS');
  report.peakRssBytes = Math.max(report.peakRssBytes, rss);
  if (rss > killBytes && !report.killed) {
    report.killed = true;
    try { process.kill(pid, 'SIGKILL'); } catch {}
  }
};
const sampler = setInterval(sample, sampleEveryMs);
const bad = (kind) => { report.bad++; report.badKinds[kind] = (report.badKinds[kind] || 0) + 1; };
async function probe() {
  const started = performance.now();
  let waited = null;
  const timer = setInterval(() => {
    report.maxLiveMs = Math.max(report.maxLiveMs, performance.now() - started);
  }, 100);
  try {
    const response = await fetch(baseUrl + '/health/live', { signal: AbortSignal.timeout(120000) });
    await response.arrayBuffer();
    waited = performance.now() - started;
    const json = (response.headers.get('content-type') || '').includes('json');
    if (response.status !== 200 || !json) bad(response.status + (json ? '' : ' not JSON'));
  } catch (error) {
    waited = performance.now() - started;
    bad((error && error.cause && error.cause.code) || (error && error.name) || 'error');
  } finally {
    clearInterval(timer);
  }
  report.probes++;
  report.maxLiveMs = Math.max(report.maxLiveMs, waited);
}
async function loop() {
  while (!stopping) {
    const started = performance.now();
    pending = probe();
    await pending;
    const rest = probeEveryMs - (performance.now() - started);
    if (rest > 0) await new Promise((r) => setTimeout(r, rest));
  }
}
void loop();
parentPort.on('message', async () => {
  stopping = true;
  if (pending) await pending;
  sample();
  clearInterval(sampler);
  report.peakRssBytes = Math.max(report.peakRssBytes, status('VmHWM'));
  parentPort.postMessage(report);
});
`;

/**
 * Probes `/health/live` every 200 ms (one at a time: a frozen server shows as one long wait)
 * and samples the server's VmRSS every 50 ms, killing it past the kill limit.
 */
export function startMonitor(options: MonitorOptions): { stop(): Promise<MonitorReport> } {
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { probeEveryMs: 200, sampleEveryMs: 50, ...options },
  });
  return {
    async stop() {
      const report = await new Promise<MonitorReport>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage('stop');
      });
      await worker.terminate();
      return report;
    },
  };
}
