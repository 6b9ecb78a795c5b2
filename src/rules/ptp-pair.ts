import type { RowResolution } from '../domain/release-precedence.ts';
import {
  ptpVerdict,
  type PairLine,
  type PtpRowFacts,
  type PtpVerdict,
} from '../domain/ptp-verdict.ts';
import type { RowPeriod } from '../domain/row-period.ts';
import type { EditIndex, PtpEntry } from './edit-index.ts';
import { coversCode } from './edit-releases.ts';
import type { Citation } from '../domain/citation.ts';

/** A PTP row as verdicts and messages use it: codes as text, with its citation and period. */
export interface PtpEdit extends PtpRowFacts {
  rationale: string | null;
  period: RowPeriod;
  citation: Citation;
}

/**
 * The PTP verdict for two lines on a day, read from the edit index: the claim check and Ask both
 * come here, so they cannot disagree. `knows` says whether any table of the library holds a code.
 * The scope (data in force, coverage, known codes) is only worked out when no edit speaks.
 */
export function judgePair(
  edits: EditIndex,
  knows: (code: string) => boolean,
  setting: string,
  a: PairLine,
  b: PairLine,
  day: number,
  // The claim check interns each line's code once, not once per pair.
  idA: number | undefined = edits.codeId(a.code),
  idB: number | undefined = edits.codeId(b.code),
): PtpVerdict<PtpEdit> {
  const forward = resolve(edits, setting, idA, idB, day);
  const backward = resolve(edits, setting, idB, idA, day);
  if (decides(forward) || decides(backward)) return ptpVerdict(a, b, forward, backward, decided);
  const releases = edits.ptpReleasesOn(setting, day);
  const uncovered: string[] = [];
  const unknown: string[] = [];
  for (const code of [a.code, b.code]) {
    if (!coversCode(releases, code)) uncovered.push(code);
    if (!knows(code)) unknown.push(code);
  }
  return ptpVerdict(a, b, forward, backward, {
    dataInForce: releases.length > 0,
    uncovered,
    unknown,
  });
}

const decided = { dataInForce: true, uncovered: [], unknown: [] } as const;
const decides = (r: RowResolution<unknown>) => r.kind === 'in-force' || r.kind === 'ended';

function resolve(
  edits: EditIndex,
  setting: string,
  column1: number | undefined,
  column2: number | undefined,
  day: number,
): RowResolution<PtpEdit> {
  if (column1 === undefined || column2 === undefined) return { kind: 'none' };
  const found = edits.ptpOnDay(setting, column1, column2, day);
  return found.kind === 'none'
    ? found
    : { ...found, held: { ...found.held, row: ptpEdit(edits, found.held.row) } };
}

export function ptpEdit(edits: EditIndex, entry: PtpEntry): PtpEdit {
  return {
    column1: edits.code(entry.column1),
    column2: edits.code(entry.column2),
    indicator: entry.indicator,
    rationale: entry.rationale,
    period: entry.period,
    citation: { ...edits.sources[entry.source]!, locator: entry.locator },
  };
}
