import type { DatasetMeta } from '../import-kind.ts';

/** Drops keys the file did not tell, so callers can spread defaults under the result. */
export function definedMeta(meta: DatasetMeta): DatasetMeta {
  return Object.fromEntries(
    Object.entries(meta).filter(([, value]) => value !== undefined && value !== ''),
  );
}
