import type { Claim } from '../claims/claim-types.ts';
import type { ClaimResult } from '../rules/claim-checker.ts';
import { recordEvent, type LibraryContext } from '../library/library-context.ts';
import type { AppEvent } from '../domain/app-event.ts';
import { isProcedureCode } from '../domain/code-shape.ts';

/**
 * Sums claim results into one `check` event, a claim at a time, so streamed checks of any size
 * keep only counters. From a claim it reads its line count, its lines' procedure codes and,
 * to leave them out, its diagnoses; the claim id, providers, modifiers and any text never reach the event.
 */
export class CheckEventAccumulator {
  private claims = 0;
  private lines = 0;
  private claimsWithErrors = 0;
  private readonly findingsByRule = new Map<string, number>();
  private readonly codes = new Map<string, number>();
  private readonly pairs = new Map<string, number>();
  private readonly lineCodes = new Map<string, number>();

  add(claim: Claim, result: ClaimResult): void {
    this.claims++;
    this.lines += claim.lines.length;
    if (result.summary.errors > 0) this.claimsWithErrors++;
    // A diagnosis written without its dot has a procedure code's shape ("M5416").
    const diagnoses = new Set(claim.lines.flatMap((l) => l.diagnoses.map(undotted)));
    const keep = (code: string) => isProcedureCode(code) && !diagnoses.has(undotted(code));
    for (const line of claim.lines) {
      const code = line.code.trim().toUpperCase();
      if (keep(code)) increment(this.lineCodes, code);
    }
    for (const finding of result.findings) {
      increment(this.findingsByRule, finding.rule);
      for (const code of finding.codes) if (keep(code)) increment(this.codes, code);
      const [column1, column2] = finding.codes;
      if (finding.rule === 'ptp' && column1 && column2 && keep(column1) && keep(column2))
        increment(this.pairs, `${column1}|${column2}`);
    }
  }

  get claimCount(): number {
    return this.claims;
  }

  /** The event for the claims added so far; null when none were (nothing was checked). */
  toEvent(): AppEvent | null {
    if (this.claims === 0) return null;
    return {
      type: 'check',
      data: {
        claims: this.claims,
        lines: this.lines,
        claimsWithErrors: this.claimsWithErrors,
        findingsByRule: Object.fromEntries(this.findingsByRule),
        codes: Object.fromEntries(this.codes),
        pairs: Object.fromEntries(this.pairs),
        lineCodes: Object.fromEntries(this.lineCodes),
      },
    };
  }
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function undotted(code: string): string {
  return code.replace('.', '').toUpperCase();
}

/** Records the accumulated check, if any claim was checked. */
export function recordCheck(ctx: LibraryContext, accumulator: CheckEventAccumulator): void {
  const event = accumulator.toEvent();
  if (event) recordEvent(ctx, event);
}
