/**
 * Dates of service and row dates as day numbers (days since 1970-01-01, UTC), so periods compare
 * as integers. ISO strings ("2026-11-02") are the only date form used across the project.
 */
export const NEVER_BEFORE = -2_147_483_648;
export const NEVER_AFTER = 2_147_483_647;

export function dayOf(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

export function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
