import type { CodeValidity } from '../domain/code-validity.ts';
import type { CodeSystem } from '../domain/code-system.ts';

/** Where a descriptor or note was read: document, release and row. */
export interface SourceRef {
  documentId: number;
  title: string;
  release: string | null;
  locator: string;
}

export interface CodeNote {
  code: string;
  type: string;
  text: string;
  source: SourceRef;
}

/** The verdict on a code for the date, in a form the API and the card present. */
export interface CodeValiditySummary {
  kind: CodeValidity<unknown>['kind'];
  /** The release the verdict rests on ("FY2026", "October 2026"): its row, or the release in force. */
  release: string | null;
  /** The row the verdict rests on (or the row where the code was last seen). */
  source: SourceRef | null;
  /** The row's own end (ended) or start (not yet). */
  date: string | null;
  /** Billable codes under a header, from the release in force. */
  replacements: string[];
  /** The release in force when it is older than the date calls for. */
  stale: { release: string | null; effectiveFrom: string | null } | null;
}

/** A code as the library describes it on one date: wording, billability, validity, sources. */
export interface CodeDescription {
  system: CodeSystem;
  code: string;
  description: string;
  mediumDescription: string | null;
  shortDescription: string | null;
  consumerDescription: string | null;
  billable: boolean | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  /** The release the description and verdict rest on (its label and effective date). */
  release: { label: string | null; effectiveFrom: string | null } | null;
  /** Null when the library has no table that decides this system's codes. */
  validity: CodeValiditySummary | null;
  attributes: Record<string, string>;
  sources: SourceRef[];
  /** Each distinct long descriptor the in-force sources state, newest source first. */
  variants: { text: string; source: SourceRef }[];
  notes: CodeNote[];
}
