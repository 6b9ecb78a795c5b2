import { dayOf } from '../domain/day.ts';
import { resolveOnDay } from '../domain/release-precedence.ts';
import { rowPeriod } from '../domain/row-period.ts';
import type { PtpRow } from './card-fact-rows.ts';

/** A PTP row of any release, with its release's period and rank (newer ranks higher). */
export interface PtpCandidate extends PtpRow {
  release_from: string | null;
  release_to: string | null;
  release_rank: number | string;
}

/**
 * The rows that speak for each ordered code pair on the day: the newest release whose row covers
 * it, unless a newer release's own dates exclude it. Rows keep their order.
 */
export function ptpRowsInForce(rows: readonly PtpCandidate[], dos: string): PtpRow[] {
  const day = dayOf(dos);
  const byPair = new Map<string, PtpCandidate[]>();
  for (const row of rows) {
    const key = `${row.column1}|${row.column2}`;
    const list = byPair.get(key);
    if (list) list.push(row);
    else byPair.set(key, [row]);
  }
  const speaking = new Set<PtpCandidate>();
  for (const candidates of byPair.values()) {
    const found = resolveOnDay(
      candidates.map((row) => ({
        row,
        rank: Number(row.release_rank),
        period: rowPeriod(
          { from: row.release_from, to: row.release_to },
          { from: row.effective_from, to: row.deletion_date },
        ),
      })),
      day,
    );
    if (found.kind === 'in-force') speaking.add(found.held.row);
  }
  return rows
    .filter((row) => speaking.has(row))
    .map(({ release_from: _from, release_to: _to, release_rank: _rank, ...row }) => row);
}
