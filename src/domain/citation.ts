/**
 * Where a statement comes from: the document and version, and the place in it (page, row,
 * heading). Every statement Codecard shows carries at least one.
 */
export interface Citation {
  documentId: number;
  title: string;
  version: string | null;
  locator: string;
  /** The exact words of a prose source. */
  quote?: string;
  /** A reader's name for the place, built by the card: "NCCI PTP, practitioner, v32.2, row 10". */
  label?: string;
  /** The dataset (kind, setting, release) or document title part of `label`. */
  source?: string;
  /** The row or page part of `label` ("row 10", "p. 4"). */
  place?: string;
}

/** How a code's bundling statement relates it to the other codes it names. */
export type BundlingRelation = 'includes' | 'included-in' | 'mutually-exclusive';
