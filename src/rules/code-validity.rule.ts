import { systemsForShape } from '../codes/normalize.ts';
import { t } from '../i18n/translate.ts';
import type { CheckContext } from './check-context.ts';
import { dayNumber } from './edit-index.ts';
import type { Finding } from './finding.ts';
import { ReferenceIndex, type CodeEntry } from './reference-index.ts';

const systemNames: Record<string, string> = {
  cpt: 'CPT',
  hcpcs: 'HCPCS',
  icd10cm: 'ICD-10-CM',
};
const procedureSystems = ['cpt', 'hcpcs'];
const diagnosisSystems = ['icd10cm'];

/** What the library says about one code on one date. */
type Verdict =
  | { kind: 'valid' }
  | { kind: 'no-table'; system: string }
  | { kind: 'unknown'; system: string }
  | { kind: 'not-in-force'; system: string; rows: CodeEntry[] }
  | { kind: 'not-billable'; system: string; row: CodeEntry };

const valid: Verdict = { kind: 'valid' };
/** Batches repeat the same codes and dates: each verdict is worked out once per index. */
const verdicts = new WeakMap<ReferenceIndex, Map<string, Verdict>>();
const VERDICT_CACHE_LIMIT = 200_000;

function verdictFor(reference: ReferenceIndex, code: string, date: string, dx: boolean): Verdict {
  let cache = verdicts.get(reference);
  if (!cache) {
    cache = new Map();
    verdicts.set(reference, cache);
  }
  const key = `${dx ? 'd' : 'p'}|${code}|${date}`;
  let verdict = cache.get(key);
  if (verdict === undefined) {
    verdict = judge(reference, code, date, dx);
    if (cache.size >= VERDICT_CACHE_LIMIT) cache.clear();
    cache.set(key, verdict);
  }
  return verdict;
}

function judge(reference: ReferenceIndex, code: string, date: string, dx: boolean): Verdict {
  const shaped = dx
    ? diagnosisSystems
    : systemsForShape(code).filter((s) => procedureSystems.includes(s));
  const systems = shaped.length > 0 ? shaped : procedureSystems;
  const loaded = systems.filter((s) => reference.systems.has(s));
  if (loaded.length === 0) return { kind: 'no-table', system: systems[0]! };
  const system = loaded[0]!;
  const rows = loaded.flatMap((s) => reference.codeEntries(s, code));
  if (rows.length === 0) return { kind: 'unknown', system };
  const current = ReferenceIndex.inForceOn(rows, dayNumber(date));
  if (current.length === 0) return { kind: 'not-in-force', system, rows };
  if (current.every((row) => row.billable === false))
    return { kind: 'not-billable', system, row: current[0]! };
  return valid;
}

/**
 * Every procedure code and diagnosis must be in the library's table for its system and in force
 * on the date of service; a diagnosis must be billable (not a category). A system with no table
 * loaded gives one warning for the claim rather than an error per line.
 */
export function codeValidityRule({ claim, reference, lang }: CheckContext): Finding[] {
  let problems: Problem[] | null = null;
  for (let at = 0; at < claim.lines.length; at++) {
    const line = claim.lines[at]!;
    const date = line.dateOfService;
    for (let k = -1; k < line.diagnoses.length; k++) {
      const dx = k >= 0;
      const code = dx ? line.diagnoses[k]! : line.code;
      const verdict = verdictFor(reference, code, date, dx);
      if (verdict.kind === 'valid') continue;
      problems ??= [];
      const found = problems.find((p) => p.code === code && p.date === date);
      if (!found) problems.push({ code, date, verdict, lines: [at] });
      else if (!found.lines.includes(at)) found.lines.push(at);
    }
  }
  if (problems === null) return [];

  const findings: Finding[] = [];
  const unchecked = new Map<string, Set<number>>();
  for (const { code, date, verdict, lines } of problems) {
    if (verdict.kind === 'valid') continue;
    if (verdict.kind === 'no-table') {
      const set = unchecked.get(verdict.system) ?? new Set<number>();
      for (const line of lines) set.add(line);
      unchecked.set(verdict.system, set);
      continue;
    }
    const system = systemNames[verdict.system] ?? verdict.system;
    const base = {
      rule: 'code-validity' as const,
      severity: 'error' as const,
      lines: lines.sort((a, b) => a - b),
      codes: [code],
    };
    if (verdict.kind === 'unknown') {
      findings.push({
        ...base,
        message: t(lang, 'finding.codeUnknown', { code, system }),
        fix: t(lang, 'finding.codeUnknownFix', { system }),
        citations: [],
      });
    } else if (verdict.kind === 'not-in-force') {
      findings.push({
        ...base,
        message: t(lang, 'finding.codeNotInForce', { code, system, date }),
        fix: t(lang, 'finding.codeNotInForceFix', { code }),
        citations: verdict.rows.slice(0, 3).map((row) => reference.citation(row)),
      });
    } else {
      findings.push({
        ...base,
        message: t(lang, 'finding.codeNotBillable', { code, system }),
        fix: t(lang, 'finding.codeNotBillableFix', { code }),
        citations: [reference.citation(verdict.row)],
      });
    }
  }
  for (const [system, lines] of unchecked) {
    findings.push({
      rule: 'code-validity',
      severity: 'warning',
      lines: [...lines].sort((a, b) => a - b),
      codes: [],
      message: t(lang, 'finding.systemNotLoaded', {
        system: systemNames[system] ?? system,
        count: lines.size,
      }),
      citations: [],
    });
  }
  return findings;
}

interface Problem {
  code: string;
  date: string;
  verdict: Verdict;
  lines: number[];
}
