import autocannon from 'autocannon';
import {
  connectionsPerKind,
  requestKinds,
  requestsFor,
  type RequestKind,
} from './load-requests.ts';

/** What one kind of request did over the run, summed over every server. */
export interface KindFigures {
  kind: RequestKind | 'all';
  connections: number;
  requests: number;
  /** Responses per second over the run. */
  rate: number;
  p50: number;
  p99: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** A few of the non-2xx statuses seen, for the reader. */
  statuses: Map<number, number>;
}

interface Recorded {
  latencies: number[];
  statuses: Map<number, number>;
  errors: number;
}

/**
 * The mix for `seconds`: autocannon clients per request kind, each kind's connections split
 * across the servers (round-robin by connection), every response's latency recorded so the
 * percentiles cover all servers together.
 */
export async function runMix(
  bases: readonly string[],
  apiKey: string,
  connections: number,
  seconds: number,
  kinds: readonly RequestKind[] = requestKinds,
): Promise<KindFigures[]> {
  const split = connectionsPerKind(connections, kinds);
  const recorded = new Map<RequestKind, Recorded>();
  const runs: PromiseLike<unknown>[] = [];
  for (const kind of kinds) {
    const record: Recorded = { latencies: [], statuses: new Map(), errors: 0 };
    recorded.set(kind, record);
    bases.forEach((base, at) => {
      const share =
        Math.floor(split[kind] / bases.length) + (at < split[kind] % bases.length ? 1 : 0);
      if (share === 0) return;
      const instance = autocannon({
        url: base,
        connections: share,
        duration: seconds,
        timeout: 30,
        // As the web app sends them: a card is ~300 KB of JSON, compressed on the way out.
        headers: { authorization: `Bearer ${apiKey}`, 'accept-encoding': 'br, gzip' },
        requests: requestsFor(kind),
      });
      instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
        record.latencies.push(ms);
        record.statuses.set(status, (record.statuses.get(status) ?? 0) + 1);
      });
      instance.on('reqError', () => record.errors++);
      runs.push(instance);
    });
  }
  await Promise.all(runs);
  const figures = kinds.map((kind) => summarize(kind, split[kind], recorded.get(kind)!, seconds));
  const all: Recorded = { latencies: [], statuses: new Map(), errors: 0 };
  for (const record of recorded.values()) {
    all.latencies.push(...record.latencies);
    all.errors += record.errors;
    for (const [status, n] of record.statuses)
      all.statuses.set(status, (all.statuses.get(status) ?? 0) + n);
  }
  figures.push(summarize('all', connections, all, seconds));
  return figures;
}

function summarize(
  kind: KindFigures['kind'],
  connections: number,
  record: Recorded,
  seconds: number,
): KindFigures {
  const sorted = Float64Array.from(record.latencies).sort();
  const at = (q: number) =>
    sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  let non2xx = 0;
  const statuses = new Map<number, number>();
  for (const [status, n] of record.statuses)
    if (status < 200 || status > 299) {
      non2xx += n;
      statuses.set(status, n);
    }
  return {
    kind,
    connections,
    requests: sorted.length,
    rate: sorted.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    errors: record.errors,
    non2xx,
    statuses,
  };
}
