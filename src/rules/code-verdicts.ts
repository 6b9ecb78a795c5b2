import { codeValidity, type CodeValidity } from '../domain/code-validity.ts';
import { datasetOnDay, type DatasetOnDay } from '../domain/release-staleness.ts';
import { systemsForShape } from '../domain/code-shape.ts';
import type { CodeRow, ReferenceIndex } from './reference-index.ts';

const procedureSystems = ['cpt', 'hcpcs'];
const diagnosisSystems = ['icd10cm'];

/** What the library says about one code on one date: the shared verdict, or no table at all. */
export type Verdict =
  | { kind: 'no-table'; system: string }
  | { kind: 'judged'; system: string; validity: CodeValidity<CodeRow> };

/** Batches repeat the same codes and dates: each verdict is worked out once per index. */
const verdicts = new WeakMap<ReferenceIndex, Map<string, Map<string, Map<string, Verdict>>>>();
const datasets = new WeakMap<ReferenceIndex, Map<string, DatasetOnDay>>();
const VERDICT_CACHE_LIMIT = 200_000;

/**
 * The verdict on a procedure code (`dx` false) or diagnosis on a date, or on a code of one system
 * (`only`, with the code given as "prefix:code").
 */
export function verdictFor(
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

/** The dataset (its releases in force) a system has on a date, worked out once per index. */
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

/** A claim's code in the system its shape and the loaded tables point to. */
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

/** The shared verdict over the code's rows in one system. */
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
