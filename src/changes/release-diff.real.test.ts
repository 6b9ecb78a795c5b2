import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type OpenDatabase } from '../db/database.ts';
import { importFile } from '../library/import.service.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { testContext } from '../../test/support/test-context.ts';
import type { ChangeKind } from '../domain/change-kind.ts';
import type { ReleaseDiff } from './change-types.ts';
import { changesForCode, changesForCodes } from './code-changes.ts';
import { diffReleases } from './release-diff.ts';

/** The real CMS/CDC files, read where they are (never copied into the project). */
const shared = resolve(import.meta.dirname, '../../../shared/data');
const files = {
  hcpcs2020: 'hcpcs-level2/2020/HCPC2020_ANWEB_w_disclaimer.txt',
  hcpcs2026: 'hcpcs-level2/2026-oct-excerpt/HCPC2026_OCT_ANWEB.excerpt.csv',
  icd2021: 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt',
  icd2026: 'icd10cm/fy2026-excerpt/icd10cm_order_2026.excerpt.txt',
} as const;
const text = (key: keyof typeof files) => readFileSync(join(shared, files[key]), 'latin1');

// ---- The independent reading: a few lines per layout, straight from SOURCE.md's positions. ----

interface HcpcsRow {
  long: string;
  short: string;
  term: string;
  action: string;
  /** The four 2-character pricing indicators, blanks left out, joined with commas. */
  pricing: string;
  coverage: string;
}
const joined = (values: string[]) =>
  values
    .map((v) => v.trim())
    .filter((v) => v !== '')
    .join(',');
const squeeze = (s: string) => s.trim().replace(/\s+/g, ' ');

/** 2020 TXT: code 1-5, RECID 11, long 12-91, short 92-119, term 285-292, action 293. */
function hcpcsTxt(): Map<string, HcpcsRow> {
  const rows = new Map<string, HcpcsRow>();
  let last: HcpcsRow | null = null;
  for (const line of text('hcpcs2020').split(/\r?\n/)) {
    const recid = line[10];
    if (recid === '3' || recid === '7') {
      last = {
        long: line.slice(11, 91),
        short: squeeze(line.slice(91, 119)),
        term: line.slice(284, 292).trim(),
        action: line.slice(292, 293).trim(),
        pricing: joined([0, 1, 2, 3].map((i) => line.slice(119 + 2 * i, 121 + 2 * i))),
        coverage: line.slice(229, 230).trim(),
      };
      rows.set(line.slice(0, 5).trim(), last);
    } else if ((recid === '4' || recid === '8') && last) {
      last.long += ` ${line.slice(11, 91)}`;
    }
  }
  for (const row of rows.values()) row.long = squeeze(row.long);
  return rows;
}

/** A CSV line with quoted cells ("a, b" and "" escapes). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** October 2026 CSV: HCPC 0, LONG 3, SHORT 4, TERM DT 46, ACTION CD 47. */
function hcpcsCsv(): Map<string, HcpcsRow> {
  const rows = new Map<string, HcpcsRow>();
  for (const line of text('hcpcs2026').split(/\r?\n/).slice(1)) {
    const c = csvCells(line);
    rows.set(c[0]!.trim(), {
      long: squeeze(c[3]!),
      short: squeeze(c[4]!),
      term: c[46]!.trim(),
      action: c[47]!.trim(),
      pricing: joined(c.slice(5, 9)),
      coverage: c[30]!.trim(),
    });
  }
  return rows;
}

/** Order file: code 7-13 (no dot), flag 15, long description from 78. */
function icdOrder(key: 'icd2021' | 'icd2026'): Map<string, { billable: boolean; long: string }> {
  const rows = new Map<string, { billable: boolean; long: string }>();
  for (const line of text(key).split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const raw = line.slice(6, 13).trim();
    const code = raw.length > 3 ? `${raw.slice(0, 3)}.${raw.slice(3)}` : raw;
    rows.set(code, { billable: line[14] === '1', long: squeeze(line.slice(77)) });
  }
  return rows;
}

const sorted = (values: Iterable<string>) => [...values].sort();
const keysOf = (diff: ReleaseDiff, kind: ChangeKind, field?: string) =>
  sorted(
    diff.changes
      .filter((c) => c.kind === kind && (field === undefined || c.field === field))
      .map((c) => c.key),
  );

describe('what changed between the real releases', () => {
  const dir = mkdtempSync(join(tmpdir(), 'codecard-changes-'));
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  const ids = new Map<keyof typeof files, number>();

  beforeAll(async () => {
    opened = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'db') });
    ctx = testContext(opened);
    for (const key of Object.keys(files) as (keyof typeof files)[]) {
      const full = join(shared, files[key]);
      const result = await importFile(
        ctx,
        { fileName: basename(full), bytes: readFileSync(full) },
        {},
      );
      ids.set(key, result.document.id);
    }
  });
  afterAll(async () => {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('HCPCS 2020 -> October 2026 excerpt: every count matches the files read directly', async () => {
    const diff = await diffReleases(ctx, {
      from: String(ids.get('hcpcs2020')),
      to: String(ids.get('hcpcs2026')),
    });
    const older = hcpcsTxt();
    const newer = hcpcsCsv();
    const both = [...newer.keys()].filter((code) => older.has(code));
    const added = [...newer.keys()].filter((code) => !older.has(code));
    const terminated = both.filter((code) => {
      const o = older.get(code)!;
      const n = newer.get(code)!;
      const dated = n.term !== '' && n.term !== o.term;
      return dated || (n.action === 'D' && o.term === '' && o.action !== 'D');
    });
    const longChanged = both.filter((code) => older.get(code)!.long !== newer.get(code)!.long);
    const shortChanged = both.filter((code) => older.get(code)!.short !== newer.get(code)!.short);
    const pricing = both.filter((code) => older.get(code)!.pricing !== newer.get(code)!.pricing);
    const coverage = both.filter((c) => older.get(c)!.coverage !== newer.get(c)!.coverage);

    console.log('HCPCS', diff.scope, diff.counts, {
      added,
      terminated,
      longChanged,
      shortChanged,
      pricing,
      coverage,
    });
    expect(diff.scope.coverage).toBe('newer-is-excerpt');
    expect(keysOf(diff, 'added')).toEqual(sorted(added));
    expect(keysOf(diff, 'terminated')).toEqual(sorted(terminated));
    expect(keysOf(diff, 'descriptor-changed', 'longDescription')).toEqual(sorted(longChanged));
    expect(keysOf(diff, 'descriptor-changed', 'shortDescription')).toEqual(sorted(shortChanged));
    expect(keysOf(diff, 'attribute-changed', 'pricingIndicator')).toEqual(sorted(pricing));
    expect(keysOf(diff, 'attribute-changed', 'coverageCode')).toEqual(sorted(coverage));
    // A code the excerpt does not hold is outside it, never deleted.
    expect(keysOf(diff, 'deleted')).toEqual([]);
    expect(diff.scope.outsideExcerpt).toBe(older.size - both.length);
  });

  test('ICD-10-CM FY2021 -> FY2026 excerpt: every count matches the files read directly', async () => {
    const diff = await diffReleases(ctx, {
      from: String(ids.get('icd2021')),
      to: String(ids.get('icd2026')),
    });
    const older = icdOrder('icd2021');
    const newer = icdOrder('icd2026');
    const both = [...newer.keys()].filter((code) => older.has(code));
    const added = [...newer.keys()].filter((code) => !older.has(code));
    const toHeader = both.filter((c) => older.get(c)!.billable && !newer.get(c)!.billable);
    const toBillable = both.filter((c) => !older.get(c)!.billable && newer.get(c)!.billable);
    const described = both.filter((c) => older.get(c)!.long !== newer.get(c)!.long);

    console.log('ICD', diff.scope, diff.counts, { added, toHeader, toBillable, described });
    expect(diff.scope.coverage).toBe('newer-is-excerpt');
    expect(keysOf(diff, 'added')).toEqual(sorted(added));
    expect(keysOf(diff, 'billable-to-header')).toEqual(sorted(toHeader));
    expect(keysOf(diff, 'header-to-billable')).toEqual(sorted(toBillable));
    expect(keysOf(diff, 'descriptor-changed')).toEqual(sorted(described));
    expect(keysOf(diff, 'deleted')).toEqual([]);
    expect(diff.scope.outsideExcerpt).toBe(older.size - both.length);
    expect(toHeader).toContain('M54.5');
    expect(added).toEqual(expect.arrayContaining(['M54.50', 'M54.51', 'M54.59']));
  });

  test('per code: M54.5 changed in FY2026 from billable to header; JG terminated in October 2026', async () => {
    const m545 = await changesForCode(ctx, {
      system: 'icd10cm',
      code: 'M54.5',
      dos: '2026-05-01',
      setting: 'practitioner',
    });
    expect(m545).toHaveLength(1);
    expect(m545[0]!.to.release).toMatch(/^FY2026/);
    expect(m545[0]!.changes.map((c) => [c.kind, c.before, c.after])).toEqual([
      ['billable-to-header', 'billable', 'header'],
    ]);
    // Cited to both files' rows.
    expect(m545[0]!.changes[0]!.citations.map((c) => c.documentId)).toEqual([
      ids.get('icd2021'),
      ids.get('icd2026'),
    ]);
    const jg = await changesForCode(ctx, {
      system: 'modifier',
      code: 'JG',
      dos: '2026-11-02',
      setting: 'practitioner',
    });
    expect(jg.flatMap((d) => d.changes.map((c) => [c.kind, c.field, c.after]))).toEqual([
      ['terminated', 'terminationDate', '2024-12-31'],
      ['descriptor-changed', 'longDescription', expect.stringContaining('340b')],
    ]);
    const watched = await changesForCodes(ctx, ['M54.5', 'M54.50', 'JG', 'J1040']);
    expect(watched.flatMap((d) => d.changes.map((c) => `${c.kind} ${c.key}`)).sort()).toEqual([
      'added M54.50',
      'billable-to-header M54.5',
      'descriptor-changed JG',
      'terminated JG',
    ]);
  });
});
