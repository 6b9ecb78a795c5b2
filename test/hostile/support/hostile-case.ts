import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import type { DocumentSummary } from '../../../src/contracts/library.ts';
import { recordCase } from './case-records.ts';
import type { HostileServer } from './hostile-server.ts';
import { hostileSettings, megabytes } from './hostile-settings.ts';
import { startMonitor, type MonitorReport } from './server-monitor.ts';

/** What a case body may do besides sending its inputs. */
export interface CaseControl {
  server: HostileServer;
  /** A soft assertion: the case goes on and fails at the end with every message. */
  check(condition: boolean, failure: string): void;
  note(text: string): void;
  /** The library (document list) must be what it was when the case started. */
  expectLibraryUnchanged(): Promise<void>;
}

export interface CaseOptions {
  /** Off for a case that kills the server on purpose (its probes would all fail). */
  monitor?: boolean;
}

/** The library as the REST API lists it: the document versions and what each stored. */
export async function librarySnapshot(server: HostileServer): Promise<string> {
  const { documents } = await server.json<{ documents: DocumentSummary[] }>(
    '/api/library/documents',
  );
  const versions = documents
    .map((d) => [d.id, d.fileHash, d.rowsStored, d.effectiveFrom, d.effectiveTo, d.importedAt])
    .sort((a, b) => Number(a[0]) - Number(b[0]));
  return JSON.stringify({ count: documents.length, versions });
}

/** "15 -> 16 documents (added 16; removed none; changed none)" from two snapshots. */
function libraryChange(before: string, after: string): string {
  type Snapshot = { count: number; versions: unknown[][] };
  const [a, b] = [JSON.parse(before) as Snapshot, JSON.parse(after) as Snapshot];
  const byId = (s: Snapshot) => new Map(s.versions.map((v) => [v[0], JSON.stringify(v)]));
  const [was, now] = [byId(a), byId(b)];
  const added = [...now.keys()].filter((id) => !was.has(id));
  const removed = [...was.keys()].filter((id) => !now.has(id));
  const changed = [...now.keys()].filter((id) => was.has(id) && was.get(id) !== now.get(id));
  const list = (ids: unknown[]) => (ids.length ? ids.join(', ') : 'none');
  return `${a.count} -> ${b.count} documents (added ${list(added)}; removed ${list(removed)}; changed ${list(changed)})`;
}

/**
 * The library after a case; a server the case killed (or one still dying: not yet reaped) is
 * started again first.
 */
async function snapshotAfter(server: HostileServer, notes: string[]): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    if (await server.ensureRunning()) notes.push('server restarted to compare the library');
    try {
      return await librarySnapshot(server);
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(1000);
    }
  }
}

function monitorFailures(report: MonitorReport): string[] {
  const failures: string[] = [];
  const { liveLimitMs, rssCapBytes } = hostileSettings;
  if (report.maxLiveMs > liveLimitMs)
    failures.push(`/health/live took ${Math.round(report.maxLiveMs)} ms (limit ${liveLimitMs})`);
  if (report.bad > 0) {
    const kinds = Object.entries(report.badKinds).map(([kind, n]) => `${kind} ×${n}`);
    failures.push(
      `/health/live: ${report.bad} of ${report.probes} probes bad (${kinds.join(', ')})`,
    );
  }
  if (report.killed)
    failures.push(`RSS passed ${megabytes(hostileSettings.rssKillBytes)} MiB: server killed`);
  else if (report.peakRssBytes > rssCapBytes)
    failures.push(
      `peak RSS ${megabytes(report.peakRssBytes)} MiB over the cap of ${megabytes(rssCapBytes)} MiB`,
    );
  return failures;
}

/**
 * Runs one hostile case against the server while a monitor thread probes `/health/live` and
 * samples RSS; records the figures for the summary and fails with every problem found. A server
 * the case crashed is started again (same store) for the next case.
 */
export async function hostileCase(
  group: string,
  server: HostileServer,
  name: string,
  body: (c: CaseControl) => Promise<void>,
  options: CaseOptions = {},
): Promise<void> {
  const failures: string[] = [];
  const notes: string[] = [];
  const started = performance.now();
  if (await server.ensureRunning()) notes.push('server restarted before the case');
  const before = await librarySnapshot(server);
  const monitor =
    options.monitor === false
      ? null
      : startMonitor({
          baseUrl: server.baseUrl,
          pid: server.pid,
          killBytes: hostileSettings.rssKillBytes,
        });
  const control: CaseControl = {
    server,
    check(condition, failure) {
      if (!condition) failures.push(failure);
    },
    note(text) {
      notes.push(text);
    },
    async expectLibraryUnchanged() {
      const after = await snapshotAfter(server, notes);
      if (after !== before) failures.push(`the library changed: ${libraryChange(before, after)}`);
    },
  };
  try {
    await body(control);
  } catch (error) {
    failures.push(`the case threw: ${error instanceof Error ? error.message : String(error)}`);
  }
  const report = monitor ? await monitor.stop() : null;
  if (report) failures.push(...monitorFailures(report));
  if (!server.alive && options.monitor !== false) {
    failures.push(`the server died; its last output:\n${server.lastOutput()}`);
    await server.ensureRunning();
  }
  const record = {
    group,
    name,
    passed: failures.length === 0,
    maxLiveMs: report ? report.maxLiveMs : null,
    liveProbes: report?.probes ?? 0,
    liveBad: report?.bad ?? 0,
    peakRssBytes: report ? report.peakRssBytes : null,
    seconds: (performance.now() - started) / 1000,
    notes,
    failures,
  };
  recordCase(record);
  console.info(
    `[hostile] ${group} / ${name}: ${record.passed ? 'pass' : 'FAIL'}; max /health/live ` +
      `${report ? Math.round(report.maxLiveMs) : 'n/a'} ms, peak RSS ` +
      `${report ? megabytes(report.peakRssBytes) : 'n/a'} MiB, ${record.seconds.toFixed(1)} s` +
      `${notes.length ? `\n  notes: ${notes.join('; ')}` : ''}` +
      `${failures.length ? `\n  failures:\n  - ${failures.join('\n  - ')}` : ''}`,
  );
  expect(failures, `${group} / ${name}`).toEqual([]);
}
