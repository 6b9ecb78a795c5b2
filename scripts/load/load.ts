// `npm run load`: the server under a mix of cards, Ask, code search and single claim checks by
// autocannon clients while a batch check runs, on the embedded store (pglite), one instance on
// PostgreSQL (pg1) and two instances on one PostgreSQL (pg2). Each target gets a fresh library
// (starter library + real CMS PTP/MUE rows, loaded through the CLI). docs/scaling.md "Load test".
import { cpus, freemem, totalmem } from 'node:os';
import { readFile } from 'node:fs/promises';
import { runBatches } from './load-batch.ts';
import { prepareLibrary, realFiles } from './load-library.ts';
import { runMix } from './load-mix.ts';
import { loadOptions, type LoadOptions, type TargetName } from './load-options.ts';
import { reportTable, type TargetResult } from './load-report.ts';
import { cpuBetween, sampleCpu, type CpuSample } from './load-cpu.ts';
import { batchClaimsNdjson, requestKinds, requestsFor } from './load-requests.ts';
import { startServer, type RunningServer } from './load-servers.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function ptpCodes(): Promise<string[]> {
  const rows = (await readFile(realFiles[0]!, 'utf8')).trim().split('\n').slice(1);
  return [...new Set(rows.flatMap((row) => row.split(',').slice(0, 2)))];
}

/** One request of each kind on each server, so first-use loads (the edit index) are not timed. */
async function warmUp(bases: readonly string[], apiKey: string): Promise<void> {
  for (const base of bases)
    for (const kind of requestKinds)
      for (const request of requestsFor(kind)) {
        const response = await fetch(`${base}${request.path}`, {
          method: request.method ?? 'GET',
          headers: { authorization: `Bearer ${apiKey}`, ...request.headers },
          ...(request.body ? { body: request.body } : {}),
        });
        if (!response.ok)
          say(`  warm-up: ${request.method} ${request.path} answered ${response.status}`);
      }
}

/** The mix (and the batch) against running servers; CPU sampled when `pids` are known. */
async function measure(
  target: string,
  bases: readonly string[],
  apiKey: string,
  options: LoadOptions,
  ndjson: string,
  sample: (() => Promise<CpuSample>) | null,
): Promise<TargetResult> {
  say(
    `== ${target}: ${options.connections} connections for ${options.durationSeconds} s on ` +
      `${bases.join(' + ')}` +
      (ndjson ? `, a ${options.batchClaims}-claim batch running` : ', no batch'),
  );
  let stopBatches = () => {};
  const stopped = new Promise<void>((resolve) => (stopBatches = resolve));
  const batch = ndjson ? runBatches(bases[0]!, apiKey, ndjson, stopped) : Promise.resolve(null);
  const before = await sample?.();
  const figures = await runMix(
    bases,
    apiKey,
    options.connections,
    options.durationSeconds,
    options.kinds,
  );
  const cpu = before && sample ? cpuBetween(before, await sample()) : null;
  stopBatches();
  return { target, figures, batch: await batch, cpu };
}

async function runTarget(
  name: TargetName,
  options: LoadOptions,
  ndjson: string,
): Promise<TargetResult> {
  say(`== ${name}: preparing a fresh library (starter library + real PTP/MUE through the CLI)`);
  const library = await prepareLibrary(name === 'pglite' ? null : options.serverUrl);
  const servers: RunningServer[] = [];
  try {
    const count = name === 'pg2' ? 2 : 1;
    for (let n = 0; n < count; n++)
      servers.push(await startServer(library.env, `${name}#${n + 1}`));
    await warmUp(
      servers.map((s) => s.base),
      library.apiKey,
    );
    const pids = servers.map((s) => s.pid);
    return await measure(
      name,
      servers.map((s) => s.base),
      library.apiKey,
      options,
      ndjson,
      () => sampleCpu(pids, library.database),
    );
  } finally {
    for (const server of servers) await server.stop();
    await library.drop();
  }
}

const options = loadOptions(process.argv.slice(2), process.env);
const cpu = cpus();
say(
  `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB ` +
    `(${(freemem() / 2 ** 30).toFixed(1)} free), Node ${process.version}; load generator in this process`,
);
const ndjson =
  options.batchClaims > 0 ? batchClaimsNdjson(options.batchClaims, await ptpCodes()) : '';
const results: TargetResult[] = [];
if (options.external) {
  // A running deployment (compose behind its proxy, say) whose library holds the same files.
  await warmUp(options.external.bases, options.external.apiKey);
  const { bases, apiKey } = options.external;
  results.push(await measure('url', bases, apiKey, options, ndjson, null));
} else for (const target of options.targets) results.push(await runTarget(target, options, ndjson));
say('');
say(reportTable(results));
const failures = results.flatMap((r) =>
  r.figures.filter((f) => f.kind === 'all' && (f.errors > 0 || f.non2xx > 0)),
);
process.exitCode = failures.length > 0 ? 1 : 0;
