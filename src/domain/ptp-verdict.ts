import {
  anatomicModifiers,
  columnTwoModifiers,
  evaluationAndManagementModifiers,
  isEvaluationAndManagement,
} from './ncci-modifiers.ts';
import type { RowResolution } from './release-precedence.ts';

/** What the verdict needs of an NCCI PTP row. */
export interface PtpRowFacts {
  column1: string;
  column2: string;
  /** 0 not allowed, 1 allowed with an NCCI-associated modifier, 9 not applicable. */
  indicator: number;
}

/** One claim line (or the question's procedure) of the pair. */
export interface PairLine {
  code: string;
  modifiers: readonly string[];
}

/** Why a modifier on the pair does not bypass the edit. */
export type ModifierMisuse =
  | { kind: 'same-site'; modifier: string }
  | { kind: 'one-site'; modifier: string }
  | { kind: 'column-one-line'; modifier: string }
  | { kind: 'not-evaluation-and-management'; modifier: string };

/** What the library's PTP data can say about the pair on the date, besides its rows. */
export interface PtpScope {
  /** Some PTP release of the setting speaks for the date. */
  dataInForce: boolean;
  /** Codes of the pair outside every partial release's coverage (when no complete release is in force). */
  uncovered: readonly string[];
  /** Codes of the pair that no table of the library knows (e.g. 99999). */
  unknown: readonly string[];
}

export type PtpVerdict<T extends PtpRowFacts> =
  | { kind: 'not-allowed'; edit: T }
  | { kind: 'modifier-required'; edit: T; misuse: ModifierMisuse | null }
  | { kind: 'bypassed'; edit: T; modifier: string }
  | { kind: 'not-applicable'; edit: T }
  | { kind: 'deleted'; edit: T }
  | { kind: 'no-edit' }
  | {
      kind: 'cannot-tell';
      reason: 'unknown-code' | 'no-data' | 'outside-coverage';
      codes: string[];
    };

export type PtpVerdictKind = PtpVerdict<PtpRowFacts>['kind'];

/**
 * The one PTP verdict for two lines on a date, used by the claim check, Ask and the card.
 * `forward` and `backward` are what the releases say about (a, b) and (b, a) on that day
 * (release-precedence.ts). An edit in force decides; indicator 0 is never bypassed; indicator 1
 * is bypassed only by an NCCI-associated modifier on the line CMS names (ncci-modifiers.ts). A
 * deleted edit allows the pair. Without an edit, the scope decides between "no edit" and "the
 * library cannot tell": a code no table knows, no PTP data for the date, or a pair outside a
 * partial release's codes.
 */
export function ptpVerdict<T extends PtpRowFacts>(
  a: PairLine,
  b: PairLine,
  forward: RowResolution<T>,
  backward: RowResolution<T>,
  scope: PtpScope,
): PtpVerdict<T> {
  if (scope.unknown.length > 0)
    return { kind: 'cannot-tell', reason: 'unknown-code', codes: [...scope.unknown] };
  const inForce = [forward, backward].flatMap((r) => (r.kind === 'in-force' ? [r.held.row] : []));
  const verdicts = inForce.map((edit) => editVerdict(edit, a, b));
  if (verdicts.length > 0) return verdicts.sort((x, y) => strictness(x) - strictness(y))[0]!;
  const ended = [forward, backward].find((r) => r.kind === 'ended');
  if (ended && ended.kind === 'ended') return { kind: 'deleted', edit: ended.held.row };
  if (!scope.dataInForce)
    return { kind: 'cannot-tell', reason: 'no-data', codes: [a.code, b.code] };
  if (scope.uncovered.length > 0)
    return { kind: 'cannot-tell', reason: 'outside-coverage', codes: [...scope.uncovered] };
  return { kind: 'no-edit' };
}

const order = ['not-allowed', 'modifier-required', 'bypassed', 'not-applicable'] as const;
function strictness(verdict: { kind: string }): number {
  return order.indexOf(verdict.kind as (typeof order)[number]);
}

function editVerdict<T extends PtpRowFacts>(edit: T, a: PairLine, b: PairLine): PtpVerdict<T> {
  if (edit.indicator === 0) return { kind: 'not-allowed', edit };
  if (edit.indicator !== 1) return { kind: 'not-applicable', edit };
  const [column1, column2] = edit.column1 === a.code ? [a, b] : [b, a];
  const bypass = bypassingModifier(column1, column2);
  if (typeof bypass === 'string') return { kind: 'bypassed', edit, modifier: bypass };
  return { kind: 'modifier-required', edit, misuse: bypass };
}

/** The modifier that bypasses an indicator-1 edit, or why the modifiers present do not. */
export function bypassingModifier(
  column1: PairLine,
  column2: PairLine,
): string | ModifierMisuse | null {
  const onColumn2 = column2.modifiers.find((m) => columnTwoModifiers.has(m));
  if (onColumn2) return onColumn2;
  for (const line of [column1, column2]) {
    const em = line.modifiers.find((m) => evaluationAndManagementModifiers.has(m));
    if (em && isEvaluationAndManagement(line.code)) return em;
  }
  const site1 = column1.modifiers.find((m) => anatomicModifiers.has(m));
  const site2 = column2.modifiers.find((m) => anatomicModifiers.has(m));
  if (site1 && site2 && site1 !== site2) return site2;
  if (site1 && site2) return { kind: 'same-site', modifier: site1 };
  const onColumn1 = column1.modifiers.find((m) => columnTwoModifiers.has(m));
  if (onColumn1) return { kind: 'column-one-line', modifier: onColumn1 };
  if (site1 ?? site2) return { kind: 'one-site', modifier: (site1 ?? site2)! };
  const em = [...column1.modifiers, ...column2.modifiers].find((m) =>
    evaluationAndManagementModifiers.has(m),
  );
  if (em) return { kind: 'not-evaluation-and-management', modifier: em };
  return null;
}
