import { datasetName } from '../codes/system-names.ts';
import { validityText, type ValidityFacts } from '../codes/validity-message.ts';
import { codeValidity, type CodeValidity } from '../domain/code-validity.ts';
import { datasetOnDay, type DatasetOnDay } from '../domain/release-staleness.ts';
import { t } from '../i18n/translate.ts';
import type { CheckContext } from './check-context.ts';
import type { Finding } from './finding.ts';
import { listed } from './listed.ts';
import type { CodeRow, ReferenceIndex } from './reference-index.ts';
import { systemsForShape } from '../domain/code-shape.ts';

const procedureSystems = ['cpt', 'hcpcs'];
const diagnosisSystems = ['icd10cm'];

/** What the library says about one code on one date: the shared verdict, or no table at all. */
type Verdict =
  | { kind: 'no-table'; system: string }
  | { kind: 'judged'; system: string; validity: CodeValidity<CodeRow> };

/** Batches repeat the same codes and dates: each verdict is worked out once per index. */
const verdicts = new WeakMap<ReferenceIndex, Map<string, Map<string, Map<string, Verdict>>>>();
const datasets = new WeakMap<ReferenceIndex, Map<string, DatasetOnDay>>();
const VERDICT_CACHE_LIMIT = 200_000;

function verdictFor(
  reference: ReferenceIndex,
  code: string,
  date: string,
  dx: boolean,
  only?: string,
): Verdict {
  let cache = verdicts.get(reference);
  if (!cache) {
    cache = new Map();
    verdicts.set(reference, cache);
  }
  // Nested maps (kind, date, code): no key string built per claim line.
  const kind = only ?? (dx ? 'diagnosis' : 'procedure');
  let byDate = cache.get(kind);
  if (!byDate) cache.set(kind, (byDate = new Map<string, Map<string, Verdict>>()));
  let byCode = byDate.get(date);
  if (!byCode) {
    if (byDate.size >= VERDICT_CACHE_LIMIT) byDate.clear();
    byDate.set(date, (byCode = new Map<string, Verdict>()));
  }
  let verdict = byCode.get(code);
  if (verdict === undefined) {
    verdict = only
      ? judgeIn(reference, only, code.slice(code.indexOf(':') + 1), date)
      : judge(reference, code, date, dx);
    if (byCode.size >= VERDICT_CACHE_LIMIT) byCode.clear();
    byCode.set(code, verdict);
  }
  return verdict;
}

function datasetFor(reference: ReferenceIndex, system: string, date: string): DatasetOnDay {
  let cache = datasets.get(reference);
  if (!cache) {
    cache = new Map();
    datasets.set(reference, cache);
  }
  const key = `${system}|${date}`;
  let dataset = cache.get(key);
  if (dataset === undefined) {
    dataset = datasetOnDay(reference.releases.releasesOf(system), date);
    if (cache.size >= VERDICT_CACHE_LIMIT) cache.clear();
    cache.set(key, dataset);
  }
  return dataset;
}

function judge(reference: ReferenceIndex, code: string, date: string, dx: boolean): Verdict {
  const shaped = dx
    ? diagnosisSystems
    : systemsForShape(code).filter((s) => procedureSystems.includes(s));
  const systems = shaped.length > 0 ? shaped : procedureSystems;
  const loaded = systems.filter((s) => reference.systems.has(s));
  if (loaded.length === 0) return { kind: 'no-table', system: systems[0]! };
  const system = loaded.find((s) => reference.codeEntries(s, code).length > 0) ?? loaded[0]!;
  return judgeIn(reference, system, code, date);
}

function judgeIn(reference: ReferenceIndex, system: string, code: string, date: string): Verdict {
  const validity = codeValidity({
    held: reference.codeEntries(system, code),
    dos: date,
    dataset: datasetFor(reference, system, date),
    codesUnder: (held) => reference.codesUnder.under(held.row.documentId, code),
  });
  return { kind: 'judged', system, validity };
}

/**
 * What the library's modifier rows (HCPCS Level II lists modifiers with add and termination
 * dates) say about a modifier on the date: null when no table lists it at all.
 */
export function modifierValidity(
  reference: ReferenceIndex,
  modifier: string,
  date: string,
): CodeValidity<CodeRow> | null {
  if (reference.codeEntries('modifier', modifier).length === 0) return null;
  const verdict = verdictFor(reference, `m:${modifier}`, date, false, 'modifier');
  return verdict.kind === 'judged' ? verdict.validity : null;
}

/**
 * Every procedure code and diagnosis must be valid on the date of service by the shared
 * verdict (`codeValidity`): listed by the release that speaks for the date, not ended, not a
 * header. Where the library cannot tell (no release of the dataset for the date, or a release
 * older than the date calls for that does not list the code) the finding is a warning, not an
 * error. A system with no table loaded gives one warning for the claim.
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
      if (verdict.kind === 'judged' && verdict.validity.kind === 'valid') continue;
      problems ??= [];
      const found = problems.find((p) => p.code === code && p.date === date);
      if (!found) problems.push({ code, date, verdict, lines: [at] });
      else if (!found.lines.includes(at)) found.lines.push(at);
    }
  }
  if (problems === null) return [];

  const findings: Finding[] = [];
  const unchecked = new Map<string, Set<number>>();
  const noRelease = new Map<
    string,
    { system: string; date: string; codes: string[]; lines: Set<number> }
  >();
  for (const { code, date, verdict, lines } of problems) {
    if (verdict.kind === 'no-table') {
      const set = unchecked.get(verdict.system) ?? new Set<number>();
      for (const line of lines) set.add(line);
      unchecked.set(verdict.system, set);
      continue;
    }
    const { validity, system } = verdict;
    if (validity.kind === 'no-release-for-date') {
      const key = `${system}|${date}`;
      const group = noRelease.get(key) ?? { system, date, codes: [], lines: new Set<number>() };
      group.codes.push(code);
      for (const line of lines) group.lines.add(line);
      noRelease.set(key, group);
      continue;
    }
    const facts = factsOf(validity, code, system, date);
    const base = {
      rule: 'code-validity' as const,
      lines: lines.sort((a, b) => a - b),
      codes: [code],
      message: validityText(lang, facts),
    };
    const dataset = datasetName(system);
    switch (validity.kind) {
      case 'valid':
        break;
      case 'stale-unknown':
        findings.push({
          ...base,
          severity: 'warning',
          fix: t(lang, 'validity.importRelease', { system: dataset, date }),
          citations: validity.lastSeen ? [reference.citation(validity.lastSeen.row)] : [],
        });
        break;
      case 'not-billable':
        findings.push({
          ...base,
          severity: 'error',
          fix:
            validity.replacements.length > 0
              ? t(lang, 'validity.useInstead', { code, codes: listed(validity.replacements) })
              : t(lang, 'finding.codeNotBillableFix', { code }),
          citations: [reference.citation(validity.held.row)],
        });
        break;
      case 'ended':
      case 'not-yet':
        findings.push({
          ...base,
          severity: 'error',
          fix: t(lang, 'finding.codeNotInForceFix', { code }),
          citations: [reference.citation(validity.held.row)],
        });
        break;
      case 'not-in-library':
        findings.push({
          ...base,
          severity: 'error',
          fix: t(lang, 'finding.codeUnknownFix', { system: dataset }),
          citations: validity.lastSeen ? [reference.citation(validity.lastSeen.row)] : [],
        });
        break;
    }
  }
  for (const group of noRelease.values()) {
    findings.push({
      rule: 'code-validity',
      severity: 'warning',
      lines: [...group.lines].sort((a, b) => a - b),
      codes: group.codes,
      message: t(lang, 'validity.noReleaseFinding', {
        system: datasetName(group.system),
        date: group.date,
        count: group.codes.length,
        codes: listed(group.codes),
      }),
      fix: t(lang, 'validity.importRelease', {
        system: datasetName(group.system),
        date: group.date,
      }),
      citations: [],
    });
  }
  for (const [system, lines] of unchecked) {
    findings.push({
      rule: 'code-validity',
      severity: 'warning',
      lines: [...lines].sort((a, b) => a - b),
      codes: [],
      message: t(lang, 'finding.systemNotLoaded', {
        system: datasetName(system),
        count: lines.size,
      }),
      citations: [],
    });
  }
  return findings;
}

/** The verdict in the shape the shared messages take. */
export function factsOf(
  validity: CodeValidity<CodeRow>,
  code: string,
  system: string,
  dos: string,
): ValidityFacts {
  const base = {
    kind: validity.kind,
    code,
    system,
    dos,
    date: null,
    replacements: [],
    stale: null,
  };
  switch (validity.kind) {
    case 'valid':
      return {
        ...base,
        release: validity.held.release.label,
        stale: validity.stale ? { release: validity.stale.label } : null,
      };
    case 'not-billable':
      return { ...base, release: validity.held.release.label, replacements: validity.replacements };
    case 'ended':
      return { ...base, release: validity.held.release.label, date: validity.held.row.rowTo };
    case 'not-yet':
      return { ...base, release: validity.held.release.label, date: validity.held.row.rowFrom };
    case 'not-in-library':
      return { ...base, release: validity.lastSeen?.release.label ?? null };
    case 'no-release-for-date':
      return { ...base, release: null };
    case 'stale-unknown':
      return {
        ...base,
        release: validity.release.label,
        stale: { release: validity.release.label },
      };
  }
}

interface Problem {
  code: string;
  date: string;
  verdict: Verdict;
  lines: number[];
}
