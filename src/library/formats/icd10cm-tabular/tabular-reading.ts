import type { NoteType, ParsedRecord } from '../fact-record.ts';
import type { Owner } from './owners.ts';

/** A note container (<includes>, <excludes1>, <sevenChrDef>, ...) being read. */
export interface NoteContainer {
  noteType: NoteType;
  depth: number;
  /** In a sevenChrDef: the last 7th character an <extension> defined. */
  char?: string;
}

export type CaptureTarget = 'version' | 'title' | 'name' | 'desc' | 'note' | 'extension';

/** The text of an element being collected until the element closes. */
export interface Capture {
  target: CaptureTarget;
  depth: number;
  line: number;
  text: string;
  /** sevenChrDef extension: the 7th character it defines. */
  char?: string;
}

/** Everything the walk over the XML carries from one element to the next. */
export interface TabularReading {
  readonly fileName: string;
  readonly records: ParsedRecord[];
  /** Names of the open elements, root first. */
  readonly stack: string[];
  /** The open chapters, sections and diags, outermost first. */
  readonly owners: Owner[];
  container: NoteContainer | null;
  capture: Capture | null;
  version: string | null;
  title: string | null;
  /** Diags described so far: a file with none is not a Tabular List worth importing. */
  diags: number;
}

export function startTabularReading(fileName: string): TabularReading {
  return {
    fileName,
    records: [],
    stack: [],
    owners: [],
    container: null,
    capture: null,
    version: null,
    title: null,
    diags: 0,
  };
}

/** The innermost open chapter, section or diag. */
export function currentOwner(reading: TabularReading): Owner | undefined {
  return reading.owners[reading.owners.length - 1];
}
