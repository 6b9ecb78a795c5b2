import { documentKinds, structuredKinds } from '../../../../src/library/import-kind.ts';

export { documentKinds, structuredKinds };
export const importKinds = [...structuredKinds, ...documentKinds] as const;
export const settings = ['practitioner', 'hospital', 'dme'] as const;
export const codeSystems = ['cpt', 'hcpcs', 'icd10cm', 'modifier'] as const;

/** A document version as `GET /api/library/documents` lists it: the server's own type. */
import type { DocumentSummary } from '../../../../src/library/library.service.ts';

export type { DocumentSummary };

export type ImportPhase = 'detecting' | 'parsing' | 'storing' | 'indexing' | 'done';
export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';

/** An upload's import job (`GET /api/library/imports/:id`). */
export interface ImportJob {
  id: string;
  fileName: string;
  status: ImportStatus;
  progress: { phase: ImportPhase; done: number; total: number };
  createdAt: string;
  error?: { code: string; message: string };
  result?: {
    status: 'imported' | 'unchanged';
    document: DocumentSummary;
    rowsRead: number;
    rowsStored: number;
    rowsSkipped: number;
    skippedReasons: Record<string, number>;
    durationMs: number;
  };
}

export interface Passage {
  id: number;
  ordinal: number;
  text: string;
  page: number | null;
  headingPath: string[];
  codes: { system: string; code: string }[];
}

export interface PassagePage {
  total: number;
  passages: Passage[];
}

/** Prose documents hold passages; every other kind is a table of dated facts. */
export const isProse = (kind: string): boolean =>
  (documentKinds as readonly string[]).includes(kind);

/** Options typed once for the files added next (multipart fields of the upload). */
export interface UploadOptions {
  kind: string;
  setting: string;
  system: string;
  effective: string;
  /** '' detect, 'true' partial, 'false' complete. */
  partial: string;
}

export const noOptions: UploadOptions = {
  kind: '',
  setting: '',
  system: '',
  effective: '',
  partial: '',
};
