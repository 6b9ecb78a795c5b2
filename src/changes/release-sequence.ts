import type { Release } from './change-types.ts';

/** Oldest first: by effective date (undated first), then import order. */
export function byEffectiveDate(a: Release, b: Release): number {
  return (
    (a.effectiveFrom ?? '').localeCompare(b.effectiveFrom ?? '') || a.documentId - b.documentId
  );
}

/**
 * The release a date reads in one dataset and the one it followed. `speaksFor` says whether a
 * release holds what is asked about (a complete release always does; an excerpt only for its
 * codes). The current one is the newest that started by the date (the newest of all without a
 * date); its predecessor is the newest older complete release, else the newest older excerpt
 * that speaks for it: an excerpt is compared with the complete release it supplements.
 */
export function currentAndPrevious(
  releases: readonly Release[],
  dos: string | null,
  speaksFor: (release: Release) => boolean = () => true,
): { current: Release; previous: Release } | null {
  const ordered = releases.filter(speaksFor).sort(byEffectiveDate);
  const started =
    dos === null
      ? ordered
      : ordered.filter((r) => r.effectiveFrom === null || r.effectiveFrom <= dos);
  const current = started.at(-1);
  if (current === undefined) return null;
  const older = started.slice(0, -1);
  const previous = older.filter((r) => !r.partial).at(-1) ?? older.at(-1);
  return previous === undefined ? null : { current, previous };
}
