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
import { cpuBetween, sampleCpu } from './load-cpu.ts';
import { batchClaimsNdjson, requestKinds, requestsFor } from './load-requests.ts';
import { startServer, type RunningServer } from './load-servers.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function ptpCodes(): Promise<string[]> {
  const rows = (await readFile(realFiles[0]!, 'utf8')).trim().split('\n').slice(1);
  return [...new Set(rows.flatMap((row) => row.split(',').slice(0, 2)))];
}

/** One request of each kind on each server, so first-use loads (the edit index) are not timed. */
async function warmUp(servers: readonly RunningServer[], apiKey: string): Promise<void> {
  for (const { base } of servers)
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
    await warmUp(servers, library.apiKey);
    say(
      `== ${name}: ${options.connections} connections for ${options.durationSeconds} s on ` +
        `${servers.map((s) => s.base).join(' + ')}` +
        (ndjson ? `, a ${options.batchClaims}-claim batch running` : ', no batch'),
    );
    let stopBatches = () => {};
    const stopped = new Promise<void>((resolve) => (stopBatches = resolve));
    const batch = ndjson
      ? runBatches(servers[0]!.base, library.apiKey, ndjson, stopped)
      : Promise.resolve(null);
    const pids = servers.map((s) => s.pid);
    const before = await sampleCpu(pids, library.database);
    const figures = await runMix(
      servers.map((s) => s.base),
      library.apiKey,
      options.connections,
      options.durationSeconds,
      options.kinds,
    );
    const cpu = cpuBetween(before, await sampleCpu(pids, library.database));
    stopBatches();
    return { target: name, figures, batch: await batch, cpu };
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
for (const target of options.targets) results.push(await runTarget(target, options, ndjson));
say('');
say(reportTable(results));
const failures = results.flatMap((r) =>
  r.figures.filter((f) => f.kind === 'all' && (f.errors > 0 || f.non2xx > 0)),
);
process.exitCode = failures.length > 0 ? 1 : 0;
