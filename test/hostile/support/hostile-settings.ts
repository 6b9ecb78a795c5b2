/**
 * Settings of the hostile tier, from the environment (tests only; the server's own settings go
 * through src/config). Sizes are full by default; CODECARD_HOSTILE_SCALE < 1 shrinks the cases
 * that cannot fit a small machine, and every scaled case says so in its notes.
 */
const MB = 1024 * 1024;

function numberFrom(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

const rssCapMb = numberFrom('CODECARD_HOSTILE_RSS_CAP_MB', 1536);

export const hostileSettings = {
  scale: numberFrom('CODECARD_HOSTILE_SCALE', 1),
  /** The server's resident memory must stay under this throughout every case. */
  rssCapBytes: rssCapMb * MB,
  /**
   * Past this the server is killed at once: the machine is shared, and a server that is already
   * over the cap has failed its case; its peak then reads "killed at".
   */
  rssKillBytes: numberFrom('CODECARD_HOSTILE_RSS_KILL_MB', rssCapMb * 2) * MB,
  /** `/health/live` must answer within this, every 200 ms, throughout every case. */
  liveLimitMs: 1000,
  /** A card asked for during a large import must answer within this. */
  cardLimitMs: numberFrom('CODECARD_HOSTILE_CARD_MS', 2000),
};

/** A size scaled by CODECARD_HOSTILE_SCALE, never below `minimum`, with a note when scaled. */
export function scaled(full: number, minimum = 1): { value: number; note: string | null } {
  const value = Math.max(minimum, Math.round(full * hostileSettings.scale));
  return {
    value,
    note: value === full ? null : `scaled to ${value} of ${full} (CODECARD_HOSTILE_SCALE)`,
  };
}

export const megabytes = (bytes: number) => Math.round(bytes / MB);
