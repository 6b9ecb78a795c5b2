import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { askQuestion } from '../ask/ask.service.ts';
import { composeCard } from '../cards/compose-card.ts';
import type { Claim } from '../claims/claim-types.ts';
import { openDatabase, type OpenDatabase } from '../db/database.ts';
import { importFile } from '../library/import.service.ts';
import type { ImportOptions } from '../library/import-kind.ts';
import { type LibraryContext } from '../library/library-context.ts';
import { checkClaim } from '../rules/check-claim.ts';
import { ruleIndexesFor } from '../rules/claim-checker.ts';
import { describeCode, lookupCode, type CodeValiditySummary } from './code-lookup.ts';
import { testContext } from '../../test/support/test-context.ts';

/** The real CMS/CDC files, read where they are (never copied into the project). */
const shared = resolve(import.meta.dirname, '../../../shared/data');
const files = {
  hcpcs2020: 'hcpcs-level2/2020/HCPC2020_ANWEB_w_disclaimer.txt',
  hcpcs2026: 'hcpcs-level2/2026-oct-excerpt/HCPC2026_OCT_ANWEB.excerpt.csv',
  icd2021: 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt',
  icd2026: 'icd10cm/fy2026-excerpt/icd10cm_order_2026.excerpt.txt',
  tabular2021: 'icd10cm/fy2021/icd10cm_tabular_2021.xml',
} as const;
type FileKey = keyof typeof files;

const lines = new Map<string, string[]>();
/** The file line a citation points at ("line 35"), to hold each verdict to the row it quotes. */
function lineAt(key: FileKey, locator: string | undefined): string {
  const path = join(shared, files[key]);
  let all = lines.get(path);
  if (!all) {
    all = readFileSync(path, 'latin1').split(/\r?\n/);
    lines.set(path, all);
  }
  const number = /^line (\d+)$/.exec(locator ?? '')?.[1];
  return number ? (all[Number(number) - 1] ?? '') : '';
}

async function openLibrary(
  dir: string,
  name: string,
  load: [FileKey, ImportOptions?][],
): Promise<{ opened: OpenDatabase; ctx: LibraryContext; documents: Map<FileKey, number> }> {
  const opened = await openDatabase({ kind: 'pglite', dataDir: join(dir, name) });
  const ctx = testContext(opened);
  const documents = new Map<FileKey, number>();
  for (const [key, options] of load) {
    const full = join(shared, files[key]);
    const result = await importFile(
      ctx,
      { fileName: basename(full), bytes: readFileSync(full) },
      options ?? {},
    );
    documents.set(key, result.document.id);
  }
  return { opened, ctx, documents };
}

const claimOn = (dateOfService: string, code: string, diagnoses: string[]): Claim => ({
  id: 'real',
  setting: 'practitioner',
  lines: [
    { code, modifiers: [], units: 1, dateOfService, diagnoses, provider: null, source: 'line 1' },
  ],
});

/** The code-validity findings of a claim (these libraries hold no NCCI files, which other rules say). */
const validityFindings = (...args: Parameters<typeof checkClaim>) =>
  checkClaim(...args).filter((f) => f.rule === 'code-validity');

describe('code validity by date of service, over the real HCPCS and ICD-10-CM files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'codecard-validity-'));
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  let documents: Map<FileKey, number>;
  const validity = async (code: string, dos: string, system?: 'modifier' | 'icd10cm') =>
    (await describeCode(ctx, code, { dos, ...(system ? { system } : {}) }))
      .validity as CodeValiditySummary;

  beforeAll(async () => {
    ({ opened, ctx, documents } = await openLibrary(dir, 'full', [
      ['hcpcs2020'],
      ['hcpcs2026'],
      ['icd2021'],
      ['icd2026'],
      ['tabular2021'],
    ]));
  });
  afterAll(async () => {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every stored HCPCS period starts on its add date and never ends before it starts', async () => {
    const { rows } = await sql<{ inverted: number; late: number }>`
      select count(*) filter (where effective_to < effective_from)::int as inverted,
        count(*) filter (where effective_from is distinct from (attributes->>'addDate')::date)::int as late
      from code_descriptors
      where document_id in (${documents.get('hcpcs2020')!}, ${documents.get('hcpcs2026')!})
        and attributes ? 'addDate'`.execute(ctx.db);
    expect(rows[0]).toEqual({ inverted: 0, late: 0 });
  });

  test('JG: terminated 2024-12-31 by the October 2026 file, though the 2020 file lists it open', async () => {
    // October 2026 excerpt: "   JG,…,20180101,20250101,20241231,N" (ADD DT, ACT EFF DT, TERM DT).
    // 2020 file: "   JG001007Drug … 2018010120180101        N" (no termination).
    const ended = await validity('JG', '2026-11-02', 'modifier');
    expect(ended).toMatchObject({ kind: 'ended', date: '2024-12-31', release: 'October 2026' });
    expect(lineAt('hcpcs2026', ended.source?.locator)).toMatch(
      /^ {3}JG,.*,20180101,20250101,20241231,N$/,
    );
    // Valid from its add date, not from the action effective date (2025-01-01).
    expect(await validity('JG', '2019-06-01', 'modifier')).toMatchObject({ kind: 'valid' });
    expect(await validity('JG', '2017-12-31', 'modifier')).toMatchObject({ kind: 'not-yet' });
    const answer = await askQuestion(ctx, { question: 'is modifier JG valid on 2026-11-02?' });
    expect(answer.answer).toMatchObject({ kind: 'validity', verdict: 'ended' });
    expect(answer.answer.text).toContain('2024-12-31');
    expect(lineAt('hcpcs2026', answer.answer.citations[0]?.locator)).toContain('JG');
  });

  test('GD: terminated 2019-12-31 (action D in the 2020 file), invalid after that date', async () => {
    // 2020 file: "   GD001007Units … 200801012020010120191231D".
    const after = await validity('GD', '2020-03-01', 'modifier');
    expect(after).toMatchObject({ kind: 'ended', date: '2019-12-31' });
    expect(await validity('GD', '2019-12-31', 'modifier')).toMatchObject({ kind: 'valid' });
    expect(await validity('GD', '2026-11-02', 'modifier')).toMatchObject({ kind: 'ended' });
  });

  test('J1040: added 1982 in the 2020 file, valid on 2019-06-01 before that release took effect', async () => {
    // 2020 file: "J1040001003Injection, methylprednisolone acetate, 80 mg … 1982010119970101 N".
    const valid = await validity('J1040', '2019-06-01');
    expect(valid).toMatchObject({ kind: 'valid', release: '2020', stale: null });
    expect(lineAt('hcpcs2020', valid.source?.locator)).toMatch(/^J1040.*1982010119970101/);
    const described = await lookupCode(ctx, 'J1040', { dos: '2019-06-01' });
    expect(described.effectiveFrom).toBe('1982-01-01');
    expect(described.attributes.actionEffectiveDate).toBe('1997-01-01');
    const answer = await askQuestion(ctx, { question: 'is J1040 valid on 2019-06-01' });
    expect(answer.answer).toMatchObject({ kind: 'validity', verdict: 'valid' });
    const card = await composeCard(ctx, {
      code: 'J1040',
      dos: '2019-06-01',
      setting: 'practitioner',
      lang: 'en',
    });
    // The title carries the release's year, not the row's add date.
    expect(card.title).toBe('2020 HCPCS code J1040');
  });

  test('M54.5: billable on 2021-03-15 (FY2021), a header on 2026-03-15 (FY2026) with its children', async () => {
    // FY2021: "19260 M545    1 Low back pain"; FY2026 excerpt: "20086 M545    0 Low back pain",
    // followed by "M5450 1", "M5451 1", "M5459 1".
    const fy2021 = await validity('M54.5', '2021-03-15');
    expect(fy2021).toMatchObject({ kind: 'valid' });
    expect(lineAt('icd2021', fy2021.source?.locator)).toMatch(/^\d{5} M545 {4}1 Low back pain/);
    const fy2026 = await validity('M54.5', '2026-03-15');
    expect(fy2026.kind).toBe('not-billable');
    expect(lineAt('icd2026', fy2026.source?.locator)).toMatch(/^20086 M545 {4}0 Low back pain/);
    expect(fy2026.replacements).toEqual(['M54.50', 'M54.51', 'M54.59']);

    const findings = validityFindings(
      claimOn('2026-03-15', 'J1040', ['M54.5']),
      await ruleIndexesFor(ctx),
    );
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'code-validity', severity: 'error', codes: ['M54.5'] }),
    ]);
    expect(findings[0]!.fix).toContain('M54.50, M54.51, M54.59');
    expect(
      validityFindings(claimOn('2021-03-15', 'J1040', ['M54.5']), await ruleIndexesFor(ctx)),
    ).toEqual([]);

    const asked = await askQuestion(ctx, { question: 'is M54.5 billable on 2026-03-15?' });
    expect(asked.answer).toMatchObject({ kind: 'validity', verdict: 'not-billable' });
    expect(asked.answer.codes).toEqual(['M54.5', 'M54.50', 'M54.51', 'M54.59']);
    // The FY2021 Tabular List speaks for FY2021 only: its notes are not given for a FY2026 date.
    expect(asked.answer.text).not.toContain('Excludes1');
    const askedFy2021 = await askQuestion(ctx, { question: 'is M54.5 billable on 2021-03-15?' });
    expect(askedFy2021.answer).toMatchObject({ kind: 'validity', verdict: 'valid' });
    // Tabular notes: "<excludes1><note>low back strain (S39.012)</note>" under M54.5.
    expect(askedFy2021.answer.text).toContain('Excludes1 (M54.5): low back strain (S39.012)');
    const followUp = await askQuestion(ctx, {
      question: 'what should I use instead?',
      threadId: asked.threadId,
    });
    expect(followUp.answer).toMatchObject({ kind: 'validity', verdict: 'not-billable' });
    expect(followUp.answer.text.split('\n')[0]).toContain('M54.50, M54.51, M54.59');

    const card = await composeCard(ctx, {
      code: 'M54.5',
      dos: '2026-03-15',
      setting: 'practitioner',
      lang: 'en',
    });
    const descriptor = card.sections.find((s) => s.id === 'descriptor')!.items;
    expect(descriptor.map((i) => i.text)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('M54.5 is a header in the FY2026'),
        expect.stringContaining('M54.50, M54.51, M54.59'),
      ]),
    );
  });

  test('a thread: "M54.5 on 2026-03-15", then "is it billable?" answers about M54.5', async () => {
    const first = await askQuestion(ctx, { question: 'M54.5 on 2026-03-15' });
    const second = await askQuestion(ctx, {
      question: 'is it billable?',
      threadId: first.threadId,
    });
    expect(second.answer).toMatchObject({
      kind: 'validity',
      verdict: 'not-billable',
      codes: ['M54.5', 'M54.50', 'M54.51', 'M54.59'],
    });
  });

  test('M54.50: billable in FY2026, not yet on a FY2021 date (absent from the FY2021 order file, first listed later)', async () => {
    // FY2026 excerpt: "20087 M5450   1 Low back pain, unspecified"; no M5450 line in FY2021.
    const fy2026 = await validity('M54.50', '2026-03-15');
    expect(fy2026).toMatchObject({ kind: 'valid' });
    expect(lineAt('icd2026', fy2026.source?.locator)).toMatch(/^20087 M5450 {3}1/);
    expect(await validity('M54.50', '2021-03-15')).toMatchObject({
      kind: 'not-yet',
      release: 'FY2026',
      date: null,
    });
  });

  test('M54.1, M51.1 and M54 stay headers with the Tabular List loaded', async () => {
    // FY2021: "19241 M541    0 Radiculopathy", "19177 M511    0 Thor, thrclm & lumbosacr intvrt
    // disc disord", "19229 M54     0 Dorsalgia"; the Tabular List has a <diag> for each.
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from code_descriptors
      where document_id = ${documents.get('tabular2021')!} and code in ('M54.1', 'M51.1', 'M54')`.execute(
      ctx.db,
    );
    expect(rows[0]!.n).toBe(3);
    const indexes = await ruleIndexesFor(ctx);
    for (const header of ['M54.1', 'M51.1', 'M54']) {
      const judged = await validity(header, '2021-03-15');
      expect(judged.kind, header).toBe('not-billable');
      expect(lineAt('icd2021', judged.source?.locator), header).toMatch(
        new RegExp(`^\\d{5} ${header.replace('.', '')} +0 `),
      );
      expect((await lookupCode(ctx, header, { dos: '2021-03-15' })).billable, header).toBe(false);
      const findings = validityFindings(claimOn('2021-03-15', 'J1040', [header]), indexes);
      expect(
        findings.map((f) => [f.severity, f.codes]),
        header,
      ).toEqual([['error', [header]]]);
    }
  });

  test('a FY2019 date: the library holds no ICD-10-CM for it (a warning, not an invalid code)', async () => {
    expect(await validity('M54.5', '2019-06-01')).toMatchObject({ kind: 'no-release-for-date' });
    const findings = validityFindings(
      claimOn('2019-06-01', 'J1040', ['M54.5']),
      await ruleIndexesFor(ctx),
    );
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', codes: ['M54.5'] })]);
    expect(findings[0]!.message).toContain('The library holds no ICD-10-CM for 2019-06-01');
    const asked = await askQuestion(ctx, { question: 'is M54.5 billable on 2019-06-01?' });
    expect(asked.answer).toMatchObject({ kind: 'validity', verdict: 'cannot-tell' });
  });

  test('a FY2027 date: no order file speaks for it (each covers its fiscal year), so codes cannot be judged', async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from code_descriptors where code = 'M54.52'`.execute(ctx.db);
    expect(rows[0]!.n).toBe(0);
    expect(await validity('M54.52', '2026-11-02')).toMatchObject({ kind: 'no-release-for-date' });
    // FY2021: "… S72001A 1 Fracture of unsp part of neck of right femur, init …": not judged in FY2027.
    expect(await validity('S72.001A', '2026-11-02')).toMatchObject({ kind: 'no-release-for-date' });
    const findings = validityFindings(
      claimOn('2026-11-02', 'J1040', ['M54.52']),
      await ruleIndexesFor(ctx),
    );
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', codes: ['M54.52'] })]);
    expect(findings[0]!.message).toContain('The library holds no ICD-10-CM for 2026-11-02');
    // HCPCS 2020 on a 2026 date: stale too.
    expect(await validity('J1040', '2026-11-02')).toMatchObject({
      kind: 'valid',
      stale: { release: '2020' },
    });
  });
});

describe('a code last seen in an older release', () => {
  const dir = mkdtempSync(join(tmpdir(), 'codecard-validity-seen-'));
  let opened: OpenDatabase;
  let ctx: LibraryContext;

  beforeAll(async () => {
    // The FY2026 excerpt imported as if it were the complete release ends FY2021's period on
    // 2025-09-30, so a code only FY2021 lists is out of the library on a FY2026 date.
    ({ opened, ctx } = await openLibrary(dir, 'seen', [
      ['icd2021'],
      ['icd2026', { partial: false }],
    ]));
  });
  afterAll(async () => {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('M51.16 is not in the library for 2026-03-15; it was last listed in FY2021', async () => {
    // FY2021: "19180 M5116   1 Intervertebral disc disorders w radiculopathy, lumbar regi…".
    const judged = (await describeCode(ctx, 'M51.16', { dos: '2026-03-15' })).validity!;
    expect(judged).toMatchObject({ kind: 'not-in-library', release: 'FY2021 January update' });
    expect(lineAt('icd2021', judged.source?.locator)).toMatch(/^19180 M5116 {3}1 /);
    const findings = validityFindings(
      claimOn('2026-03-15', 'J1040', ['M51.16']),
      await ruleIndexesFor(ctx),
    );
    const dx = findings.find((f) => f.codes.includes('M51.16'))!;
    expect(dx).toMatchObject({ severity: 'error' });
    expect(dx.message).toBe(
      'M51.16 is not in the library’s ICD-10-CM for 2026-03-15; it was last listed in the FY2021 January update release.',
    );
    expect(await askQuestion(ctx, { question: 'is M51.16 billable on 2026-03-15?' })).toMatchObject(
      {
        answer: { kind: 'validity', verdict: 'not-in-library' },
      },
    );
  });
});
