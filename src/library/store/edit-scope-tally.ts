import { storedPeriod } from '../../domain/stored-period.ts';
import type { MueFact, PtpFact } from '../formats/fact-record.ts';

/** An NCCI release's scope as edit_scopes holds it. */
export interface EditScope {
  earliestRowStart: string | null;
  firstCode: string | null;
  lastCode: string | null;
  /** Every code it lists (PTP column 1, MUE code); kept for a partial release only. */
  codes: ReadonlySet<string>;
  /** PTP: column 1 codes that cut its rows into slices of about SLICE_ROWS, for readers. */
  sliceBounds(): string[];
}

/** Rows per slice when the edit index reads a release (edit-index.repository.ts). */
export const SLICE_ROWS = 40_000;

/**
 * Counts what an NCCI release covers while its rows are written, so that readers learn it from
 * one small row instead of reading every edit. Codes compare as JavaScript strings (code-unit
 * order), as the readers compare them.
 */
export class EditScopeTally implements EditScope {
  earliestRowStart: string | null = null;
  firstCode: string | null = null;
  lastCode: string | null = null;
  /** Rows per code (~15k codes in a complete PTP release). */
  private readonly counts = new Map<string, number>();

  get codes(): ReadonlySet<string> {
    return new Set(this.counts.keys());
  }

  add(fact: PtpFact | MueFact): void {
    const code = fact.kind === 'ptp' ? fact.column1 : fact.code;
    this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
    if (this.firstCode === null || code < this.firstCode) this.firstCode = code;
    if (this.lastCode === null || code > this.lastCode) this.lastCode = code;
    if (fact.kind !== 'ptp') return;
    // The start the row is stored with (a period ending before it starts keeps no start).
    const start = storedPeriod(fact.effectiveFrom, fact.deletionDate).from;
    if (start !== null && (this.earliestRowStart === null || start < this.earliestRowStart))
      this.earliestRowStart = start;
  }

  /** Each code whose rows begin past the next multiple of SLICE_ROWS (a code's rows stay together). */
  sliceBounds(): string[] {
    const bounds: string[] = [];
    let before = 0;
    let previous = 0;
    for (const code of [...this.counts.keys()].sort()) {
      const slice = Math.floor(before / SLICE_ROWS);
      if (slice !== previous) bounds.push(code);
      previous = slice;
      before += this.counts.get(code)!;
    }
    return bounds;
  }
}
