/** Progress of one import, reported as it goes (CLI bar, API polling). */
export type ImportPhase = 'detecting' | 'parsing' | 'storing' | 'indexing' | 'done';

export interface ImportProgress {
  phase: ImportPhase;
  /** Records handled so far, and the estimate of all records (0 when unknown). */
  done: number;
  total: number;
}

export type ProgressListener = (progress: ImportProgress) => void;
