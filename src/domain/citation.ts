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
}

/** How a code's bundling statement relates it to the other codes it names. */
export type BundlingRelation = 'includes' | 'included-in' | 'mutually-exclusive';
