import type { ChangeKind } from '../domain/change-kind.ts';
import type { Citation } from '../domain/citation.ts';

/** The datasets a release diff knows how to compare (document kinds). */
export const diffableKinds = [
  'ncci-ptp',
  'ncci-mue',
  'hcpcs',
  'icd10cm-order',
  'mpfs-rvu',
  'gpci',
] as const;
export type DiffableKind = (typeof diffableKinds)[number];

export function isDiffableKind(kind: string): kind is DiffableKind {
  return (diffableKinds as readonly string[]).includes(kind);
}

/** One document version as a diff names it. */
export interface Release {
  documentId: number;
  datasetKey: string;
  /** The dataset without the partial suffix: an excerpt and its complete release share it. */
  baseDataset: string;
  kind: string;
  title: string;
  setting: string | null;
  system: string | null;
  release: string | null;
  partial: boolean;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

/** One change, cited to the row(s) it reads: `before` from the older release, `after` the newer. */
export interface Change {
  kind: ChangeKind;
  /** The row key: a code, "column1/column2" for a PTP pair, "code modifier" for an RVU row. */
  key: string;
  /** The codes the change is about (both of a PTP pair). */
  codes: string[];
  /** The column or attribute that changed (attribute-changed, value-changed). */
  field: string | null;
  before: string | null;
  after: string | null;
  citations: Citation[];
}

/** What a diff covered: an excerpt speaks only for the keys it holds. */
export interface DiffScope {
  /** "complete" when both releases are complete; otherwise which side is an excerpt. */
  coverage: 'complete' | 'newer-is-excerpt' | 'older-is-excerpt' | 'both-excerpts';
  /** Keys of the older release the newer excerpt does not hold: outside the excerpt, not deleted. */
  outsideExcerpt: number;
  /** Keys of the newer release the older excerpt does not hold: not known to be added. */
  outsideOlderExcerpt: number;
  /** The codes asked for, when the diff was narrowed to them. */
  codes: string[] | null;
}

export interface ReleaseDiff {
  from: Release;
  to: Release;
  scope: DiffScope;
  counts: Partial<Record<ChangeKind, number>>;
  changes: Change[];
}
