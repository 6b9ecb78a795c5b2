import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { askQuestion } from '../../src/ask/ask.service.ts';
import type { Answer } from '../../src/ask/ask-types.ts';
import type { Claim } from '../../src/claims/claim-types.ts';
import { openDatabase, type OpenDatabase } from '../../src/db/database.ts';
import { importFile } from '../../src/library/import.service.ts';
import { type LibraryContext } from '../../src/library/library-context.ts';
import { claimChecker, type ClaimChecker } from '../../src/rules/claim-checker.ts';
import type { Finding } from '../../src/rules/finding.ts';
import {
  askCases,
  claimCases,
  regressionCases,
  type AskCase,
  type Category,
  type ClaimCase,
  type Evidence,
  type FindingExpectation,
  type RegressionCase,
} from './coder-regression.ts';
import type { Citation } from '../../src/domain/citation.ts';
import { testContext } from '../support/test-context.ts';

/**
 * Runs the coder's regression set (issue 12, "Truth by date of service") against a fresh
 * embedded library holding every real CMS/CDC file, read where it is (never copied). Each case
 * is one test; a case passes only when every expectation holds. The summary printed at the end
 * (cases, right, wrong, "cannot tell" expected and stated, by category) goes into the issue.
 */

const shared = resolve(import.meta.dirname, '../../../shared/data');
/** Every real file, in an order where complete releases come before their excerpts. */
const importOrder = [
  'icd10cm/fy2021/icd10cm-order-Jan-2021.txt',
  'icd10cm/fy2021/icd10cm_tabular_2021.xml',
  'icd10cm/fy2026-excerpt/icd10cm_order_2026.excerpt.txt',
  'hcpcs-level2/2020/HCPC2020_ANWEB_w_disclaimer.txt',
  'hcpcs-level2/2026-oct-excerpt/HCPC2026_OCT_ANWEB.excerpt.csv',
  'ncci-ptp/ccioph-v323r0_active_edits_spine_subset.csv',
  'ncci-ptp/ccipra-v322r0-f1.excerpt.txt',
  'ncci-mue/MUE_OutpatientHospital_Eff_10-01-2026.spine_subset.csv',
  'ncci-mue/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv',
  'mpfs-2026/PPRRVU2026_Jul_nonQPP.excerpt.redacted.csv',
  'mpfs-2026/GPCI2026.csv',
  'mcd-coverage-index/documents_latest.csv',
];
const utf8Files = new Set([
  'mcd-coverage-index/documents_latest.csv',
  'icd10cm/fy2021/icd10cm_tabular_2021.xml',
]);

// ───────────── The files themselves: quoted rows, absent rows, CSV records ─────────────

const fileLines = new Map<string, string[]>();
function linesOf(file: string): string[] {
  let lines = fileLines.get(file);
  if (!lines) {
    const text = readFileSync(join(shared, file)).toString(utf8Files.has(file) ? 'utf8' : 'latin1');
    lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
    fileLines.set(file, lines);
  }
  return lines;
}

/** Fixed-width records (HCPCS TXT, ICD-10-CM order file) are quoted without trailing blanks. */
function quoteProblem(ev: Evidence): string | null {
  const actual = linesOf(ev.file)[ev.line - 1];
  if (actual === undefined) return `evidence: ${ev.file} has no line ${ev.line}`;
  if (actual.trimEnd() !== ev.row.trimEnd())
    return `evidence: ${ev.file} line ${ev.line} is ${JSON.stringify(actual.trimEnd().slice(0, 160))}, not the quoted row`;
  if (ev.firstLine !== undefined && recordSpan(ev.file, ev.line)[0] !== ev.firstLine)
    return `evidence: the record at ${ev.file} line ${ev.line} does not start at line ${ev.firstLine}`;
  return null;
}

/** For each physical line of a CSV file, the [first, last] lines of the record holding it. */
const spans = new Map<string, [number, number][]>();
function recordSpan(file: string, line: number): [number, number] {
  let byLine = spans.get(file);
  if (!byLine) {
    byLine = [];
    const text = readFileSync(join(shared, file)).toString(utf8Files.has(file) ? 'utf8' : 'latin1');
    const records = parse(text, {
      info: true,
      relax_column_count: true,
      relax_quotes: true,
    }) as unknown as { info: { lines: number } }[];
    let start = 1;
    for (const { info } of records) {
      for (let l = start; l <= info.lines; l++) byLine[l] = [start, info.lines];
      start = info.lines + 1;
    }
    spans.set(file, byLine);
  }
  return byLine[line] ?? [line, line];
}
const isCsv = (file: string) => file.endsWith('.csv');
const spanOf = (file: string, line: number): [number, number] =>
  isCsv(file) ? recordSpan(file, line) : [line, line];

/** The file lines a citation locator points at ("line 317", "lines 1054-1055"), or null. */
function citedLines(locator: string): [number, number] | null {
  const m = /^lines? (\d+)(?:\s*[-–]\s*(\d+))?$/.exec(locator.trim());
  if (!m) return null;
  const from = Number(m[1]);
  return [from, m[2] ? Number(m[2]) : from];
}

// ───────────── The library ─────────────

const dir = mkdtempSync(join(tmpdir(), 'codecard-regress-'));
let opened: OpenDatabase;
let ctx: LibraryContext;
let check: ClaimChecker;
const documents = new Map<string, { id: number; title: string }>();

function docOf(file: string) {
  const doc = documents.get(file);
  if (!doc) throw new Error(`${file} was not imported`);
  return doc;
}

/** Is this citation the evidence row: the file's own document, and a locator on that record? */
function citesEvidence(c: Citation, ev: Evidence): boolean {
  const doc = docOf(ev.file);
  if (c.documentId !== doc.id || c.title !== doc.title) return false;
  const lines = citedLines(c.locator);
  if (!lines) return false;
  const [first, last] = spanOf(ev.file, ev.line);
  // One line of the record, or the record's lines: a cited range starts at the record's first
  // line and covers it (a fixed-width HCPCS record continues on the lines that follow).
  return lines[0] === lines[1]
    ? lines[0] >= first && lines[0] <= last
    : lines[0] === first && lines[1] >= last;
}

const showCitations = (cs: readonly Citation[]) =>
  cs.length === 0
    ? 'no citations'
    : cs
        .slice(0, 6)
        .map((c) => `${c.title.slice(0, 40)} @ ${c.locator}`)
        .join('; ');

// ───────────── Ask cases ─────────────

function askProblems(c: AskCase, answer: Answer): string[] {
  const out: string[] = [];
  const e = c.expect;
  const got = `got kind=${answer.kind} verdict=${answer.verdict ?? '-'} codes=[${answer.codes.slice(0, 6).join(',')}] text=${JSON.stringify(answer.text.slice(0, 160))}`;
  if (answer.kind !== e.kind) out.push(`kind: expected ${e.kind}`);
  if (e.verdict && (answer.verdict as string | undefined) !== e.verdict)
    out.push(`verdict: expected ${e.verdict}`);
  if (e.firstCode && !e.firstCode.includes(answer.codes[0] ?? ''))
    out.push(`codes[0]: expected ${e.firstCode.join(' or ')}`);
  for (const code of e.codes ?? [])
    if (!answer.codes.includes(code)) out.push(`codes: expected to include ${code}`);
  for (const re of e.text ?? []) if (!re.test(answer.text)) out.push(`text: expected ${re}`);
  const mustCite = [
    ...((e.cite ?? c.evidence !== null) && c.evidence ? [c.evidence] : []),
    ...(e.alsoCite ?? []),
  ];
  for (const ev of mustCite)
    if (!answer.citations.some((ci) => citesEvidence(ci, ev)))
      out.push(
        `citations: expected ${ev.file} line ${ev.line} (${showCitations(answer.citations)})`,
      );
  if (c.evidence && (e.notCite || e.citedRecordsMatch)) {
    const file = c.evidence.file;
    const doc = docOf(file);
    for (const ci of answer.citations.filter((x) => x.documentId === doc.id)) {
      const lines = citedLines(ci.locator);
      if (!lines) {
        out.push(`citations: ${ci.locator} of ${file} is not a row`);
        continue;
      }
      const [first, last] = spanOf(file, lines[0]);
      const record = linesOf(file)
        .slice(first - 1, last)
        .join('\n');
      if (e.citedRecordsMatch && !e.citedRecordsMatch.test(record))
        out.push(`citations: ${ci.locator} is a row not matching ${e.citedRecordsMatch}`);
      for (const bad of e.notCite ?? []) {
        const [bf, bl] = spanOf(file, bad);
        if (lines[0] <= bl && lines[1] >= bf) out.push(`citations: must not cite line ${bad}`);
      }
    }
  }
  return out.length > 0 ? [...out, got] : [];
}

// ───────────── Claim cases ─────────────

function toClaim(c: ClaimCase): Claim {
  return {
    id: c.id,
    setting: c.setting,
    lines: c.lines.map((l, i) => ({
      code: l.code,
      modifiers: l.modifiers ?? [],
      units: l.units ?? 1,
      dateOfService: c.dos,
      diagnoses: l.diagnoses ?? [],
      provider: null,
      source: `line ${i + 1}`,
    })),
  };
}

const rulesOf = (x: FindingExpectation) => (Array.isArray(x.rule) ? x.rule : [x.rule]);
const mentions = (f: Finding, codes: readonly string[] = []) =>
  codes.every((code) => f.codes.includes(code) || (f.modifiers ?? []).includes(code));
const showFindings = (fs: readonly Finding[]) =>
  fs.length === 0
    ? 'no findings'
    : fs
        .map(
          (f) =>
            `${f.rule}/${f.severity} [${f.codes.join(',')}${f.modifiers?.length ? ` mod ${f.modifiers.join(',')}` : ''}] lines ${f.lines.join(',')} @ ${f.citations.map((x) => x.locator).join(',') || '-'}: ${f.message.slice(0, 90)}`,
        )
        .join(' | ');

function claimProblems(c: ClaimCase, findings: readonly Finding[]): string[] {
  const out: string[] = [];
  const evidence = c.evidence;
  for (const want of c.mustHave) {
    const rules = rulesOf(want);
    const hit = findings.some(
      (f) =>
        rules.includes(f.rule) &&
        f.severity === want.severity &&
        mentions(f, want.codes) &&
        (want.lines ?? []).every((l) => f.lines.includes(l)) &&
        (!want.cites || (evidence !== null && f.citations.some((x) => citesEvidence(x, evidence)))),
    );
    if (!hit)
      out.push(
        `missing ${rules.join('|')}/${want.severity}${want.codes ? ` [${want.codes.join(',')}]` : ''}${want.lines ? ` lines ${want.lines.join(',')}` : ''}${want.cites && c.evidence ? ` citing line ${c.evidence.line}` : ''}`,
      );
  }
  for (const not of c.mustNotHave) {
    const hit = findings.find(
      (f) =>
        f.rule === not.rule &&
        (not.severity === undefined || f.severity === not.severity) &&
        mentions(f, not.codes),
    );
    if (hit)
      out.push(
        `unexpected ${not.rule}/${not.severity ?? 'any'}${not.codes ? ` [${not.codes.join(',')}]` : ''}`,
      );
  }
  return out.length > 0 ? [...out, `got: ${showFindings(findings)}`] : [];
}

// ───────────── The run ─────────────

interface Outcome {
  category: Category;
  right: boolean;
  cannotTellExpected: boolean;
  cannotTellStated: boolean;
}
const outcomes = new Map<string, Outcome>();

function label(c: RegressionCase): string {
  if (c.type === 'ask') return `${c.id} ${c.category}: ${c.question} [${c.setting}]`;
  const lines = c.lines
    .map(
      (l) =>
        `${l.code}${l.modifiers?.length ? `-${l.modifiers.join('-')}` : ''}${l.units && l.units !== 1 ? ` x${l.units}` : ''}${l.diagnoses?.length ? ` dx ${l.diagnoses.join(',')}` : ''}`,
    )
    .join(' + ');
  return `${c.id} ${c.category}: ${c.setting} ${c.dos} ${lines}`;
}

describe('coder regression set, issue 12: truth by date of service (real CMS/CDC files)', () => {
  beforeAll(async () => {
    opened = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'store') });
    ctx = testContext(opened);
    for (const file of importOrder) {
      const full = join(shared, file);
      const result = await importFile(ctx, { fileName: basename(full), bytes: readFileSync(full) });
      documents.set(file, { id: result.document.id, title: result.document.title });
    }
    check = await claimChecker(ctx, 'en');
  });

  afterAll(async () => {
    await opened?.close();
    rmSync(dir, { recursive: true, force: true });
    printSummary();
  });

  test('the set is large enough, its ids unique, every case grounded', () => {
    expect(regressionCases.length).toBeGreaterThanOrEqual(70);
    expect(claimCases.length).toBeGreaterThanOrEqual(25);
    expect(new Set(regressionCases.map((c) => c.id)).size).toBe(regressionCases.length);
    for (const c of regressionCases)
      expect(
        c.evidence !== null || (c.why ?? '').length > 0,
        `${c.id} has neither row nor why`,
      ).toBe(true);
  });

  test.each(regressionCases.map((c) => [label(c), c] as const))('%s', async (_name, c) => {
    const problems: string[] = [];
    // The grounds first: a wrong quote or a row that does exist fails the case.
    for (const ev of [
      ...(c.evidence ? [c.evidence] : []),
      ...(c.type === 'ask' ? (c.expect.alsoCite ?? []) : []),
    ]) {
      const p = quoteProblem(ev);
      if (p) problems.push(p);
    }
    for (const a of c.absent ?? []) {
      const at = linesOf(a.file).findIndex((l) => l.includes(a.text));
      if (at >= 0)
        problems.push(`absent: ${a.file} line ${at + 1} holds ${JSON.stringify(a.text)}`);
    }

    let outcome: Omit<Outcome, 'right'>;
    if (c.type === 'ask') {
      let answer: Answer | null = null;
      try {
        answer = (
          await askQuestion(ctx, {
            question: c.question,
            dos: c.dos,
            setting: c.setting,
            lang: 'en',
          })
        ).answer;
      } catch (error) {
        problems.push(`ask threw: ${(error as Error).message}`);
      }
      if (answer) problems.push(...askProblems(c, answer));
      outcome = {
        category: c.category,
        cannotTellExpected: c.expect.verdict === 'cannot-tell',
        cannotTellStated: (answer?.verdict as string | undefined) === 'cannot-tell',
      };
    } else {
      let findings: Finding[] = [];
      try {
        findings = check(toClaim(c)).findings;
      } catch (error) {
        problems.push(`check threw: ${(error as Error).message}`);
      }
      problems.push(...claimProblems(c, findings));
      outcome = {
        category: c.category,
        cannotTellExpected: c.cannotTell !== undefined,
        cannotTellStated:
          c.cannotTell !== undefined &&
          findings.some((f) => f.rule === c.cannotTell && f.severity === 'warning'),
      };
    }
    outcomes.set(c.id, { ...outcome, right: problems.length === 0 });
    expect(problems, `${c.id}: ${problems.join('\n  ')}`).toEqual([]);
  });
});

function printSummary(): void {
  const categories = [...new Set(regressionCases.map((c) => c.category))];
  const rows = categories.map((category) => {
    const of = regressionCases
      .filter((c) => c.category === category)
      .map((c) => outcomes.get(c.id));
    const ran = of.filter((o): o is Outcome => o !== undefined);
    return {
      category,
      cases: of.length,
      right: ran.filter((o) => o.right).length,
      wrong: ran.filter((o) => !o.right).length,
      'cannot tell expected': ran.filter((o) => o.cannotTellExpected).length,
      'cannot tell stated': ran.filter((o) => o.cannotTellStated).length,
    };
  });
  const total = rows.reduce(
    (t, r) => ({
      category: 'total',
      cases: t.cases + r.cases,
      right: t.right + r.right,
      wrong: t.wrong + r.wrong,
      'cannot tell expected': t['cannot tell expected'] + r['cannot tell expected'],
      'cannot tell stated': t['cannot tell stated'] + r['cannot tell stated'],
    }),
    {
      category: 'total',
      cases: 0,
      right: 0,
      wrong: 0,
      'cannot tell expected': 0,
      'cannot tell stated': 0,
    },
  );
  const table = [...rows, total];
  const headers = Object.keys(total) as (keyof typeof total)[];
  const width = (h: keyof typeof total) =>
    Math.max(h.length, ...table.map((r) => String(r[h]).length));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const text = [
    `Coder regression set (issue 12): ${askCases.length} questions, ${claimCases.length} claims`,
    line(headers.map((h) => h.padEnd(width(h)))),
    line(headers.map((h) => '-'.repeat(width(h)))),
    ...table.map((r) =>
      line(
        headers.map((h) =>
          h === 'category' ? String(r[h]).padEnd(width(h)) : String(r[h]).padStart(width(h)),
        ),
      ),
    ),
    `Wrong: ${regressionCases
      .filter((c) => outcomes.get(c.id)?.right === false)
      .map((c) => c.id)
      .join(' ')}`,
  ].join('\n');
  console.log(text);
}
