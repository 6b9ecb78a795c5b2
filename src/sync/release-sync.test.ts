import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.ts';
import { testDatabaseKinds } from '../db/test-databases.ts';
import { REFERENCE_ORG } from '../domain/reference-org.ts';
import { importFile } from '../library/import.service.ts';
import { forOrg, type LibraryContext } from '../library/library-context.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';
import type { DownloadLimits } from './download.ts';
import type { MirrorEntry } from './mirror-entry.ts';
import { MirrorTestServer } from './mirror-test-server.ts';
import { syncReleases } from './sync-releases.ts';
import { syncStatus } from './sync-status.ts';
import { sha256Of } from '../library/intake/sha256-of.ts';

// The shared CMS files are read where they are, never copied into the project.
const dataDir = path.resolve(import.meta.dirname, '../../../shared/data');
const shared = (relative: string) => path.join(dataDir, relative);
const limits: DownloadLimits = { maxBytes: 50 * 1024 * 1024, idleTimeoutMs: 5_000, maxResumes: 3 };

const ptp = shared('ncci-ptp/ccipra-v322r0-f1.excerpt.csv');
const mue = shared('ncci-mue/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv');
const gpci = shared('mpfs-2026/GPCI2026.csv');
const icd = shared('icd10cm/fy2026-excerpt/icd10cm_order_2026.excerpt.txt');
const hcpcs2020 = shared('hcpcs-level2/2020/HCPC2020_ANWEB_w_disclaimer.txt');

describe.each(testDatabaseKinds())('release sync against a local HTTP mirror (%s)', (kind) => {
  const server = new MirrorTestServer();
  const dir = mkdtempSync(path.join(tmpdir(), 'codecard-mirror-'));
  let opened: OpenDatabase;
  let ctx: LibraryContext;

  const library = async () =>
    (
      await sql<{ documents: number; ptp: number; syncs: number }>`
        select (select count(*)::int from documents) as documents,
               (select count(*)::int from ptp_edits) as ptp,
               (select count(*)::int from release_syncs) as syncs`.execute(ctx.db)
    ).rows[0]!;
  /** An index file in the temp dir listing `entries`; returns its path (the mirror setting). */
  const writeIndex = (name: string, entries: MirrorEntry[]) => {
    const file = path.join(dir, name);
    writeFileSync(file, JSON.stringify({ entries }));
    return file;
  };

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary(kind));
    server.serve('/ncci/ccipra-v322r0-f1.excerpt.csv', {
      bytes: readFileSync(ptp),
      dropOnce: true,
    });
    server.serve('/ncci/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv', mue);
    server.serve('/icd/icd10cm_order_2026.excerpt.txt', {
      bytes: readFileSync(icd),
      dropOnce: true,
      ignoreRanges: true,
    });
    server.serve('/mpfs/GPCI2026.csv', gpci);
    // A truncated copy of the GPCI file, and the GPCI file where a PTP file should be.
    const gpciBytes = readFileSync(gpci);
    server.serve('/broken/GPCI2026.csv', { bytes: gpciBytes.subarray(0, 2000) });
    server.serve('/wrong/ccipra-v330r0-f1.csv', { bytes: gpciBytes });
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('imports each entry once as a new reference version, resuming a dropped download', async () => {
    const before = await library();
    const mirror = writeIndex('index.json', [
      {
        dataset: 'ncci-ptp-practitioner',
        kind: 'ncci-ptp',
        setting: 'practitioner',
        url: server.url('/ncci/ccipra-v322r0-f1.excerpt.csv'),
        size: readFileSync(ptp).length,
        sha256: await sha256Of(readFileSync(ptp)),
        release: 'v32.2 excerpt',
        published: '2026-06-01',
        effective: '2026-07-01',
      },
      {
        dataset: 'ncci-mue-practitioner',
        kind: 'ncci-mue',
        setting: 'practitioner',
        url: server.url('/ncci/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv'),
        effective: '2026-07-01',
      },
      {
        dataset: 'icd10cm-order',
        kind: 'icd10cm-order',
        url: server.url('/icd/icd10cm_order_2026.excerpt.txt'),
        release: 'FY2026 April update',
        effective: '2026-04-01',
      },
    ]);
    const progress = new Set<string>();
    const outcomes = await syncReleases(
      ctx,
      { mirror, limits },
      { onProgress: (p) => progress.add(`${p.dataset}:${p.phase}`) },
    );
    expect(outcomes.map((o) => [o.dataset, o.result, o.failedStep, o.message])).toEqual([
      ['ncci-ptp-practitioner', 'imported', undefined, undefined],
      ['ncci-mue-practitioner', 'imported', undefined, undefined],
      ['icd10cm-order', 'imported', undefined, undefined],
    ]);
    // The socket was destroyed mid-body once: the second request asked for the rest.
    expect(outcomes[0]!.resumes).toBe(1);
    const ptpRequests = server.requests.filter((r) => r.path.startsWith('/ncci/ccipra'));
    expect(ptpRequests.map((r) => r.status)).toEqual([200, 206]);
    expect(ptpRequests[1]!.headers.range).toMatch(/^bytes=\d+-$/);
    expect(ptpRequests[1]!.headers['if-range']).toMatch(/^"/);
    // A server that answers the range with the whole file (200): the download starts over.
    expect(outcomes[2]!.resumes).toBe(1);
    expect(server.requests.filter((r) => r.path.startsWith('/icd/')).map((r) => r.status)).toEqual([
      200, 200,
    ]);
    expect(progress).toContain('ncci-ptp-practitioner:importing');
    const after = await library();
    expect(after.documents).toBe(before.documents + 3);
    // Exactly the file's rows, once: the resumed halves were joined without overlap.
    const { rows } = await sql<{ org_id: string; n: number; file_hash: string }>`
      select d.org_id, d.file_hash, count(e.*)::int as n from documents d
      left join ptp_edits e on e.document_id = d.id
      where d.kind = 'ncci-ptp' group by d.org_id, d.file_hash`.execute(ctx.db);
    expect(rows).toEqual([
      {
        org_id: 'reference',
        file_hash: await sha256Of(readFileSync(ptp)),
        n: after.ptp - before.ptp,
      },
    ]);
    const status = await syncStatus(
      ctx,
      { mirror, limits, intervalHours: 24 },
      { now: () => new Date('2026-08-15T12:00:00Z') },
    );
    const ptpStatus = status.datasets.find((d) => d.dataset === 'ncci-ptp-practitioner')!;
    expect(ptpStatus).toMatchObject({
      result: 'imported',
      newestHeld: {
        release: 'v32.2 excerpt',
        effective: '2026-07-01',
        published: '2026-06-01',
        sourceUrl: server.url('/ncci/ccipra-v322r0-f1.excerpt.csv'),
      },
      nextExpected: '2026-10-01',
      overdue: false,
    });
    const icdStatus = status.datasets.find((d) => d.dataset === 'icd10cm-order')!;
    // The FY2026 April update is held; FY2027 (October 1) is due, and overdue on a later day.
    expect(icdStatus.newestHeld?.effective).toBe('2026-04-01');
    expect(icdStatus.nextExpected).toBe('2026-10-01');
    const later = await syncStatus(
      ctx,
      { mirror, limits, intervalHours: 24 },
      { now: () => new Date('2026-10-02T00:00:00Z') },
    );
    expect(later.datasets.find((d) => d.dataset === 'icd10cm-order')!.overdue).toBe(true);

    // A repeated run imports nothing: the declared hash is held (no download at all), and the
    // others are asked whether they changed since the ETag their download came with (304: no body).
    const requestsBefore = server.requests.length;
    const again = await syncReleases(ctx, { mirror, limits });
    expect(again.map((o) => o.result)).toEqual(['up-to-date', 'up-to-date', 'up-to-date']);
    const repeated = server.requests.slice(requestsBefore);
    expect(repeated.map((r) => [r.path, r.status])).toEqual([
      ['/ncci/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv', 304],
      ['/icd/icd10cm_order_2026.excerpt.txt', 304],
    ]);
    expect(repeated[0]!.headers['if-none-match']).toMatch(/^"/);
    expect((await library()).documents).toBe(after.documents);

    // The publisher replaces a file under the same URL: its new ETag brings the new bytes, which
    // are imported as a new version beside the old one.
    server.serve('/ncci/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv', {
      bytes: Buffer.concat([readFileSync(mue), Buffer.from('99999,1,1 Line Edit,Sample row\n')]),
    });
    const replaced = await syncReleases(ctx, { mirror, limits });
    expect(replaced.map((o) => o.result)).toEqual(['up-to-date', 'imported', 'up-to-date']);
    expect((await library()).documents).toBe(after.documents + 1);
  });

  test('a truncated file fails verification, leaves the library unchanged and says so', async () => {
    const full = readFileSync(gpci);
    const mirror = writeIndex('truncated.json', [
      {
        dataset: 'gpci',
        kind: 'gpci',
        url: server.url('/broken/GPCI2026.csv'),
        size: full.length,
        sha256: await sha256Of(full),
        release: 'RVU26C',
      },
    ]);
    const before = await library();
    const [outcome] = await syncReleases(ctx, { mirror, limits });
    expect(outcome).toMatchObject({ dataset: 'gpci', result: 'failed', failedStep: 'verify' });
    expect(outcome!.message).toContain(`2000 bytes where the mirror declares ${full.length}`);
    expect(await library()).toEqual({ ...before, syncs: before.syncs + 1 });
    const status = await syncStatus(ctx, { mirror, limits, intervalHours: 0 });
    const gpciStatus = status.datasets.find((d) => d.dataset === 'gpci');
    expect(gpciStatus).toMatchObject({ result: 'failed', failedStep: 'verify', newestHeld: null });
    expect(gpciStatus?.message).toContain('GPCI2026.csv');
  });

  test('a file whose layout is not the entry kind fails before any import', async () => {
    const mirror = writeIndex('wrong.json', [
      {
        dataset: 'ncci-ptp-practitioner',
        kind: 'ncci-ptp',
        setting: 'practitioner',
        url: server.url('/wrong/ccipra-v330r0-f1.csv'),
      },
    ]);
    const before = await library();
    const [outcome] = await syncReleases(ctx, { mirror, limits });
    expect(outcome).toMatchObject({ result: 'failed', failedStep: 'verify' });
    expect(outcome!.message).toMatch(/lists it as ncci-ptp but its layout is gpci/);
    expect(await library()).toEqual({ ...before, syncs: before.syncs + 1 });
  });

  test('a download that never completes fails at the download step, naming the dataset', async () => {
    const mirror = writeIndex('missing.json', [
      { dataset: 'gpci', kind: 'gpci', url: server.url('/nowhere/GPCI2026.csv') },
    ]);
    const [outcome] = await syncReleases(ctx, { mirror, limits });
    expect(outcome).toMatchObject({ dataset: 'gpci', result: 'failed', failedStep: 'download' });
    expect(outcome!.message).toContain('HTTP 404');
  });

  test('a relative entry resolves against its index, and a folder mirror matches file names', async () => {
    // An index beside the files: relative URLs are file:// entries.
    const folder = mkdtempSync(path.join(dir, 'folder-'));
    writeFileSync(path.join(folder, 'GPCI2026.csv'), readFileSync(gpci));
    writeFileSync(
      path.join(folder, 'index.json'),
      JSON.stringify({ entries: [{ dataset: 'gpci', kind: 'gpci', url: 'GPCI2026.csv' }] }),
    );
    const [outcome] = await syncReleases(ctx, { mirror: folder, limits });
    expect(outcome).toMatchObject({ dataset: 'gpci', result: 'imported' });
    const status = await syncStatus(ctx, { mirror: folder, limits, intervalHours: 0 });
    expect(status.datasets.find((d) => d.dataset === 'gpci')!.newestHeld?.sourceUrl).toMatch(
      /^file:\/\/.*GPCI2026\.csv$/,
    );
  });

  test('a folder without an index takes the shipped entries whose files it holds', async () => {
    const folder = mkdtempSync(path.join(dir, 'downloads-'));
    // The shipped GPCI entry is a member of the RVU zip: an unzipped copy is matched by name.
    writeFileSync(path.join(folder, 'GPCI2026.csv'), readFileSync(gpci));
    writeFileSync(path.join(folder, 'unrelated.csv'), 'a,b\n');
    const before = await library();
    const outcomes = await syncReleases(ctx, { mirror: folder, limits });
    // Already imported from the other folder: the same bytes are not imported twice.
    expect(outcomes.map((o) => [o.dataset, o.result])).toEqual([['gpci', 'up-to-date']]);
    expect((await library()).documents).toBe(before.documents);
  });

  test('a release an admin imported by hand into the reference data counts as held', async () => {
    await importFile(
      forOrg(ctx, REFERENCE_ORG),
      { fileName: path.basename(hcpcs2020), bytes: readFileSync(hcpcs2020) },
      {},
    );
    const mirror = writeIndex('by-hand.json', [
      { dataset: 'hcpcs-quarterly', kind: 'hcpcs', url: server.url('/not/fetched.txt') },
    ]);
    const status = await syncStatus(ctx, { mirror, limits, intervalHours: 0 });
    // Datasets checked before are listed too; this one never was.
    const held = status.datasets.find((d) => d.dataset === 'hcpcs-quarterly');
    expect(held?.lastChecked).toBeNull();
    expect(held?.newestHeld).toMatchObject({
      release: '2020',
      effective: '2020-01-01',
      sourceUrl: null,
    });
    // Held, and judged by the publisher's calendar: a 2020 release is long overdue.
    expect(held?.overdue).toBe(true);
  });

  test('an index served over http may not send the sync to the local disk', async () => {
    server.serve('/index-local.json', {
      bytes: Buffer.from(
        JSON.stringify({
          entries: [{ dataset: 'gpci', kind: 'gpci', url: pathToFileURL(gpci).href }],
        }),
      ),
    });
    const before = await library();
    await expect(
      syncReleases(ctx, { mirror: server.url('/index-local.json'), limits }),
    ).rejects.toThrow(/may list only http\(s\) files/);
    expect(await library()).toEqual(before);
  });

  test('an index that is not valid is refused with where it is wrong', async () => {
    const mirror = writeIndex('invalid.json', [
      { dataset: 'gpci', kind: 'not-a-kind', url: 'x' } as unknown as MirrorEntry,
    ]);
    await expect(syncReleases(ctx, { mirror, limits })).rejects.toThrow(/entries\.0\.kind/);
  });
});
