import { parseArgs } from 'node:util';
import { requestKinds, type RequestKind } from './load-requests.ts';

export type TargetName = 'pglite' | 'pg1' | 'pg2';
export const targetNames: readonly TargetName[] = ['pglite', 'pg1', 'pg2'];

export interface LoadOptions {
  durationSeconds: number;
  connections: number;
  targets: TargetName[];
  /** The request kinds in the mix (default all; one kind alone gives its cost per request). */
  kinds: RequestKind[];
  /** Claims in each background batch check (one runs at a time for the whole run); 0: none. */
  batchClaims: number;
  /** PostgreSQL server for pg1/pg2: DATABASE_URL, else TEST_DATABASE_URL. */
  serverUrl: string | null;
  /** --url and --api-key: load running servers instead of starting any. */
  external: { bases: string[]; apiKey: string } | null;
}

export const loadUsage = `usage: npm run load -- [--duration S] [--connections N] [--targets pglite,pg1,pg2]
                     [--batch-claims N] [--kinds card,ask,search,check]
                     [--url http://host[,http://host2] --api-key KEY]
  defaults: 60 s, 100 connections, every target, 10000 claims per batch (0: no batch), every kind
  pg1/pg2 need DATABASE_URL or TEST_DATABASE_URL (a server; a fresh database is made and dropped)
  --url: running servers (e.g. behind the proxy) whose library holds the starter library and the
  real PTP/MUE files; --api-key: a coder's key there`;

export function loadOptions(argv: string[], env: NodeJS.ProcessEnv): LoadOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string', default: '60' },
      connections: { type: 'string', default: '100' },
      targets: { type: 'string' },
      'batch-claims': { type: 'string', default: '10000' },
      kinds: { type: 'string' },
      url: { type: 'string' },
      'api-key': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${loadUsage}\n`);
    process.exit(0);
  }
  const serverUrl = env.DATABASE_URL?.trim() || env.TEST_DATABASE_URL?.trim() || null;
  const wanted = values.targets?.split(',').map((t) => t.trim()) ?? [
    'pglite',
    ...(serverUrl ? ['pg1', 'pg2'] : []),
  ];
  for (const target of wanted)
    if (!targetNames.includes(target as TargetName))
      fail(`unknown target "${target}" (${targetNames.join(', ')})`);
  const targets = wanted as TargetName[];
  if (!serverUrl && targets.some((t) => t !== 'pglite'))
    fail('pg1 and pg2 need DATABASE_URL or TEST_DATABASE_URL');
  const kinds = values.kinds?.split(',').map((k) => k.trim()) ?? [...requestKinds];
  for (const kind of kinds)
    if (!requestKinds.includes(kind as RequestKind))
      fail(`unknown kind "${kind}" (${requestKinds.join(', ')})`);
  const bases = values.url?.split(',').map((u) => u.trim().replace(/\/$/, '')) ?? [];
  if (bases.length > 0 && !values['api-key']) fail('--url needs --api-key');
  return {
    external: bases.length > 0 ? { bases, apiKey: values['api-key']! } : null,
    kinds: kinds as RequestKind[],
    durationSeconds: whole(values.duration, 'duration', 1),
    connections: whole(values.connections, 'connections', 4),
    targets,
    batchClaims: whole(values['batch-claims'], 'batch-claims', 0),
    serverUrl,
  };
}

function whole(raw: string, name: string, min: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) fail(`--${name} must be a whole number ≥ ${min}`);
  return value;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n${loadUsage}\n`);
  process.exit(2);
}
