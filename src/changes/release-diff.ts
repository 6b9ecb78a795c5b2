import type { Citation } from '../domain/citation.ts';
import { formatIcd10cm } from '../domain/code-shape.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { changeKinds, type ChangeKind } from '../domain/change-kind.ts';
import {
  isDiffableKind,
  type Change,
  type DiffableKind,
  type DiffScope,
  type Release,
  type ReleaseDiff,
} from './change-types.ts';
import { hcpcsDiff, icd10cmDiff } from './code-diff.repository.ts';
import { diffRows, type DiffRow, type DiffSpec } from './diff-query.repository.ts';
import { ptpDiff, mueDiff } from './edit-diff.repository.ts';
import { gpciDiff, rvuDiff } from './fee-diff.repository.ts';
import { chooseReleasePair } from './release-choice.ts';
import { findDiffableReleases } from './releases.repository.ts';

const specs: Record<DiffableKind, DiffSpec> = {
  'ncci-ptp': ptpDiff,
  'ncci-mue': mueDiff,
  hcpcs: hcpcsDiff,
  'icd10cm-order': icd10cmDiff,
  'mpfs-rvu': rvuDiff,
  gpci: gpciDiff,
};

export interface DiffRequest {
  /** Release label, version id or effective date of the older release. */
  from: string;
  to: string;
  /** Narrows the names to one dataset ("ncci-ptp:hospital", "hcpcs", "icd10cm-order"). */
  dataset?: string;
  /** Only these codes' changes (a PTP pair is kept when either of its codes is listed). */
  codes?: readonly string[];
}

/** The releases a diff can compare, oldest first (what `codecard changes` lists). */
export function listReleases(ctx: LibraryContext): Promise<Release[]> {
  return findDiffableReleases(ctx.db, ctx.orgId);
}

/** The diff between two releases named by the user. */
export async function diffReleases(
  ctx: LibraryContext,
  request: DiffRequest,
): Promise<ReleaseDiff> {
  const releases = await listReleases(ctx);
  const { from, to } = chooseReleasePair(releases, request.from, request.to, request.dataset);
  return diffReleasePair(ctx, from, to, request.codes ?? null);
}

/** The diff between two releases of one dataset, optionally narrowed to some codes. */
export async function diffReleasePair(
  ctx: LibraryContext,
  from: Release,
  to: Release,
  codes: readonly string[] | null,
): Promise<ReleaseDiff> {
  if (!isDiffableKind(to.kind)) {
    throw new CodecardError('DATASET_NOT_DIFFABLE', { dataset: to.baseDataset });
  }
  const wanted = codes === null ? null : codesAsStored(to.kind, codes);
  const result = await diffRows(ctx.db, specs[to.kind], {
    fromId: from.documentId,
    toId: to.documentId,
    fromPartial: from.partial,
    toPartial: to.partial,
    codes: wanted,
  });
  const changes = result.rows.map((row) => changeOf(row, from, to));
  const scope: DiffScope = {
    coverage: coverageOf(from, to),
    outsideExcerpt: result.outsideNewer,
    outsideOlderExcerpt: result.outsideOlder,
    codes: wanted,
  };
  return { from, to, scope, counts: countByKind(changes), changes };
}

function codesAsStored(kind: DiffableKind, codes: readonly string[]): string[] {
  const trimmed = codes.map((code) => code.trim().toUpperCase()).filter((code) => code !== '');
  return kind === 'icd10cm-order' ? trimmed.map(formatIcd10cm) : trimmed;
}

function coverageOf(from: Release, to: Release): DiffScope['coverage'] {
  if (from.partial && to.partial) return 'both-excerpts';
  if (to.partial) return 'newer-is-excerpt';
  if (from.partial) return 'older-is-excerpt';
  return 'complete';
}

function changeOf(row: DiffRow, from: Release, to: Release): Change {
  const citations: Citation[] = [];
  if (row.from_locator !== null) citations.push(citationOf(from, row.from_locator));
  if (row.to_locator !== null) citations.push(citationOf(to, row.to_locator));
  return {
    kind: row.kind as ChangeKind,
    key: row.key,
    codes: row.codes,
    field: row.field,
    before: row.before,
    after: row.after,
    citations,
  };
}

function citationOf(release: Release, locator: string): Citation {
  return {
    documentId: release.documentId,
    title: release.title,
    version: release.release,
    locator,
  };
}

function countByKind(changes: readonly Change[]): Partial<Record<ChangeKind, number>> {
  const counts: Partial<Record<ChangeKind, number>> = {};
  for (const change of changes) counts[change.kind] = (counts[change.kind] ?? 0) + 1;
  // In the order of `changeKinds`, whatever order the changes came in.
  return Object.fromEntries(
    changeKinds.filter((kind) => counts[kind] !== undefined).map((kind) => [kind, counts[kind]]),
  );
}
