/**
 * The usage events the Performance dashboard is built from. Each carries counts, codes and
 * settings only: never claim ids, diagnoses, providers, or free text from claims, so the events
 * table can be kept (and exported) without holding patient data.
 */
export type AppEvent =
  | { type: 'question'; data: QuestionEventData }
  | { type: 'card-view'; data: CardViewEventData }
  | { type: 'check'; data: CheckEventData }
  | { type: 'feedback'; data: FeedbackEventData }
  | { type: 'import'; data: ImportEventData };

export type EventType = AppEvent['type'];

export interface QuestionEventData {
  /** The answer's kind (`card`, `pair`, … or `not-found` for a refusal). */
  intent: string;
  /** Procedure codes the question was about (CPT/HCPCS shapes only). */
  codes: string[];
  answered: boolean;
  latencyMs: number;
  lang: string;
}

export interface CardViewEventData {
  system: string;
  code: string;
  lang: string;
}

export interface CheckEventData {
  claims: number;
  lines: number;
  claimsWithErrors: number;
  findingsByRule: Record<string, number>;
  /** Procedure codes named by findings, with how many findings named them. */
  codes: Record<string, number>;
  /**
   * Procedure codes on the checked lines, with how many lines carried them, findings or not
   * (the watch list's "codes seen in checks"). Absent from events recorded before it existed.
   */
  lineCodes?: Record<string, number>;
  /** PTP pairs hit, keyed "column1|column2". */
  pairs: Record<string, number>;
}

/** The vote only: a comment is free text, kept (masked) with the answer for a shorter time. */
export interface FeedbackEventData {
  vote: 'up' | 'down';
}

export interface ImportEventData {
  kind: string;
  rowsStored: number;
  durationMs: number;
}

/**
 * Where usage events go. Passed in with the library context, so the layers that record events
 * (imports, questions, checks) never import the recorder that stores them.
 */
export interface EventSink {
  /** Queues an event for an organization; returns at once and never throws. */
  record(orgId: string, event: AppEvent): void;
  /** Writes what is queued (before a report is read, and before the store closes). */
  flush(): Promise<void>;
}
