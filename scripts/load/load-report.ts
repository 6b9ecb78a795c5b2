import type { BatchOutcome } from './load-batch.ts';
import type { KindFigures } from './load-mix.ts';

export interface TargetResult {
  target: string;
  figures: KindFigures[];
  batch: BatchOutcome | null;
  /** CPU seconds used during the mix by the app servers and the database's backends. */
  cpu: { app: number; db: number; generator: number } | null;
}

const columns = [
  'target',
  'kind',
  'conns',
  'requests',
  'req/s',
  'p50 ms',
  'p99 ms',
  'errors',
  'non-2xx',
];

/** The results as a Markdown table (pasteable into docs/scaling.md), then the batch checks. */
export function reportTable(results: readonly TargetResult[]): string {
  const rows = results.flatMap(({ target, figures }) =>
    figures.map((f) => [
      target,
      f.kind,
      String(f.connections),
      String(f.requests),
      f.rate.toFixed(1),
      f.p50.toFixed(0),
      f.p99.toFixed(0),
      String(f.errors),
      f.non2xx === 0
        ? '0'
        : `${f.non2xx} (${[...f.statuses].map(([s, n]) => `${s}×${n}`).join(', ')})`,
    ]),
  );
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i < 2 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  const batches = results.flatMap(({ target, batch }) =>
    batch === null
      ? []
      : `- ${target}: batch checks ${batch.finished} finished of ${batch.submitted} submitted` +
        `${batch.failed ? `, ${batch.failed} failed` : ''}; ${batch.claims} claims checked ` +
        `(${(batch.claims / Math.max(batch.seconds, 0.001)).toFixed(0)} claims/s) during the run`,
  );
  const costs = results.map(({ target, figures, cpu, batch }) => {
    if (!cpu) return `- ${target}: CPU not measured (servers not started by this script)`;
    const requests = figures.find((f) => f.kind === 'all')?.requests ?? 0;
    const per = (seconds: number) => ((seconds * 1000) / Math.max(requests, 1)).toFixed(1);
    return (
      `- ${target}: CPU during the run: app ${cpu.app.toFixed(1)} s (${per(cpu.app)} ms a request), ` +
      `database backends ${cpu.db.toFixed(1)} s (${per(cpu.db)} ms a request), ` +
      `load generator (this script) ${cpu.generator.toFixed(1)} s` +
      (target === 'pglite' ? '; the embedded database is inside the app' : '') +
      (batch ? '; the batch check is included (--batch-claims 0 for requests alone)' : '')
    );
  });
  return [line(columns), rule, ...rows.map(line), '', ...batches, ...costs].join('\n');
}
