import type { ParsedRecord } from './formats/fact-record.ts';
import type { CodeSystem } from '../domain/code-system.ts';
import type { IsoDate } from '../domain/day.ts';
import type { Setting } from '../domain/setting.ts';
import type { DocumentLimits } from './intake/limits.ts';
import {
  documentKinds,
  structuredKinds,
  type DocumentKind,
  type StructuredKind,
} from '../domain/document-kind.ts';

// The kind lists are domain vocabulary (the web app's upload options use them too).
export { documentKinds, structuredKinds, type DocumentKind, type StructuredKind };

export type ImportKind = StructuredKind | DocumentKind;

export function isStructuredKind(kind: string): kind is StructuredKind {
  return (structuredKinds as readonly string[]).includes(kind);
}
export function isImportKind(kind: string): kind is ImportKind {
  return isStructuredKind(kind) || (documentKinds as readonly string[]).includes(kind);
}

export interface SourceFile {
  fileName: string;
  bytes: Buffer;
  /** The bytes' SHA-256 (hex) when it is already known: an upload is hashed as it streams in. */
  sha256?: string;
}

export interface ImportOptions {
  kind?: ImportKind;
  setting?: Setting;
  effective?: IsoDate;
  title?: string;
  /**
   * A partial release (an excerpt or subset) supplements the complete release instead of
   * superseding it. Default: true when the file name says excerpt or subset.
   */
  partial?: boolean;
  /** Code descriptor tables: which system the codes belong to (default cpt). */
  system?: CodeSystem;
  /** Code descriptor tables: our field name -> the file's header name. */
  columnMap?: Partial<Record<DescriptorColumn, string>>;
  /** Cancels the import (an import job's signal): a document being parsed is stopped at once. */
  signal?: AbortSignal;
}

export type DescriptorColumn = 'code' | 'long' | 'medium' | 'short' | 'consumer';

/** What a structured parser learned about the dataset from the file itself. */
export interface DatasetMeta {
  setting?: Setting;
  /** Release label as the publisher names it: "v32.2", "2026-10-01", "FY2021". */
  release?: string;
  effectiveFrom?: IsoDate;
  title?: string;
  publisher?: string;
  system?: CodeSystem;
}

export interface StructuredParse {
  meta: DatasetMeta;
  /** Rough number of records, for progress and ETA only. */
  estimatedRecords: number;
  records: Iterable<ParsedRecord>;
}

export type StructuredParser = (
  file: SourceFile,
  options: ImportOptions,
) => Promise<StructuredParse>;

export interface PassageDraft {
  text: string;
  /** 1-based page for paginated sources (PDF), null otherwise. */
  page: number | null;
  headingPath: string[];
  /** Character offsets into the page's text (PDF) or the whole extracted text (others). */
  startOffset: number;
  endOffset: number;
}

export interface ParsedDocument {
  title?: string;
  pageCount?: number;
  passages: PassageDraft[];
}

/** A prose parser as it runs in a parser thread, within the given work limits. */
export type DocumentParser = (file: SourceFile, limits?: DocumentLimits) => Promise<ParsedDocument>;
