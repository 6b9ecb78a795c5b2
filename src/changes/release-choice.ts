import { CodecardError } from '../errors/codecard-error.ts';
import type { Release } from './change-types.ts';

/** A release as people name it: "v32.2", "FY2021", "2026-10-01" or the version id "12" (or "#12"). */
export function releaseName(release: Release): string {
  const label = release.release ?? release.effectiveFrom ?? release.title;
  return `${label} (#${release.documentId}, ${release.datasetKey})`;
}

/** Whether a release belongs to the dataset a user named: `ncci-ptp` or `ncci-ptp:hospital`. */
export function inDataset(release: Release, dataset: string | undefined): boolean {
  if (dataset === undefined || dataset === '') return true;
  const wanted = dataset.toLowerCase();
  return (
    release.baseDataset === wanted ||
    release.datasetKey === wanted ||
    release.kind === wanted ||
    release.baseDataset.startsWith(`${wanted}:`)
  );
}

function matchesRef(release: Release, ref: string): boolean {
  const wanted = ref.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(wanted)) return release.effectiveFrom === wanted;
  const lower = wanted.toLowerCase();
  // A number is a version id, or a label such as the annual HCPCS release "2020".
  const id = /^#?(\d+)$/.exec(wanted)?.[1];
  if (id !== undefined && release.documentId === Number(id)) return true;
  return release.release?.toLowerCase() === lower || release.title.toLowerCase() === lower;
}

/**
 * The two releases a diff compares. A name matching several releases is narrowed to the
 * datasets the other name can be in (a label shared by the PTP and MUE releases of one quarter
 * is no ambiguity once the other side is known); what is still ambiguous or unknown is an error.
 */
export function chooseReleasePair(
  releases: readonly Release[],
  fromRef: string,
  toRef: string,
  dataset?: string,
): { from: Release; to: Release } {
  const named = (ref: string) =>
    releases.filter((r) => inDataset(r, dataset) && matchesRef(r, ref));
  let fromCandidates = named(fromRef);
  let toCandidates = named(toRef);
  unknownUnlessAny(fromCandidates, fromRef, dataset);
  unknownUnlessAny(toCandidates, toRef, dataset);
  const shared = new Set(
    fromCandidates
      .map((r) => r.baseDataset)
      .filter((base) => toCandidates.some((r) => r.baseDataset === base)),
  );
  if (shared.size > 0) {
    fromCandidates = fromCandidates.filter((r) => shared.has(r.baseDataset));
    toCandidates = toCandidates.filter((r) => shared.has(r.baseDataset));
  }
  const from = single(fromCandidates, fromRef);
  const to = single(toCandidates, toRef);
  if (from.baseDataset !== to.baseDataset) {
    throw new CodecardError('RELEASES_DIFFER', {
      from: fromRef,
      to: toRef,
      fromDataset: from.baseDataset,
      toDataset: to.baseDataset,
    });
  }
  return { from, to };
}

function unknownUnlessAny(candidates: Release[], ref: string, dataset: string | undefined): void {
  if (candidates.length > 0) return;
  throw new CodecardError('RELEASE_UNKNOWN', {
    ref,
    dataset: dataset ? ` in dataset ${dataset}` : '',
  });
}

function single(candidates: Release[], ref: string): Release {
  const [first] = candidates;
  if (candidates.length === 1 && first) return first;
  throw new CodecardError('RELEASE_AMBIGUOUS', {
    ref,
    count: candidates.length,
    candidates: candidates.map(releaseName).join('; '),
  });
}
