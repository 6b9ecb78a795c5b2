import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

/** Dates travel as ISO `YYYY-MM-DD` strings (type parsers are set so in both drivers). */
type DateColumn = string | null;

export interface OrgsTable {
  id: string;
  name: string;
  created_at: Generated<string>;
}

export interface DocumentsTable {
  id: GeneratedAlways<number>;
  org_id: string;
  dataset_key: string;
  /** A partial release (an excerpt) adds to its dataset without replacing the full release. */
  partial: boolean;
  kind: string;
  title: string;
  publisher: string | null;
  setting: string | null;
  system: string | null;
  language: string | null;
  release: string | null;
  file_name: string;
  file_hash: string;
  file_size: ColumnType<number, number, number>;
  effective_from: DateColumn;
  effective_to: DateColumn;
  imported_at: Generated<string>;
  rows_read: Generated<number>;
  rows_stored: Generated<number>;
  rows_skipped: Generated<number>;
  skipped_reasons: Generated<Record<string, number>>;
  /** A staged import still writing this version: no read sees it until the mark is cleared. */
  importing: Generated<boolean>;
}

interface FactBase {
  org_id: string;
  document_id: number;
  locator: string;
}

export interface CodeDescriptorsTable extends FactBase {
  system: string;
  code: string;
  long_description: string;
  medium_description: string | null;
  short_description: string | null;
  consumer_description: string | null;
  billable: boolean | null;
  effective_from: DateColumn;
  effective_to: DateColumn;
  attributes: Record<string, string> | null;
}

export interface CodeNotesTable extends FactBase {
  system: string;
  code: string;
  note_type: string;
  text: string;
}

export interface PtpEditsTable extends FactBase {
  column1: string;
  column2: string;
  prior_1996: boolean;
  effective_from: DateColumn;
  deletion_date: DateColumn;
  modifier_indicator: number;
  rationale: string | null;
}

/** What an NCCI release covers (migration create-edit-scopes). */
export interface EditScopesTable {
  document_id: number;
  org_id: string;
  earliest_row_start: DateColumn;
  first_code: string | null;
  last_code: string | null;
  /** A partial release's codes (PTP column 1, MUE code); null for a complete one. */
  codes: string[] | null;
  /** PTP: column 1 codes cutting the release's rows into slices for readers (edit index). */
  slice_bounds: string[] | null;
}

export interface MueEditsTable extends FactBase {
  code: string;
  mue_value: number;
  adjudication: number | null;
  rationale: string | null;
}

export interface RvuIndicatorsTable extends FactBase {
  code: string;
  modifier: string | null;
  status_code: string | null;
  global_days: string | null;
  multiple_procedure: string | null;
  bilateral_surgery: string | null;
  assistant_surgery: string | null;
  co_surgeons: string | null;
  team_surgery: string | null;
  /** The fee inputs as the file prints them (decimal text; null: older imports or no column). */
  work_rvu: string | null;
  non_facility_pe_rvu: string | null;
  facility_pe_rvu: string | null;
  mp_rvu: string | null;
  non_facility_na: string | null;
  facility_na: string | null;
  pctc_indicator: string | null;
  conversion_factor: string | null;
  /** Every column of the row but the descriptor, [label, value] in file order (null: older imports). */
  columns: ColumnType<[string, string][] | null, string | null, string | null>;
}

export interface GpciLocalitiesTable extends FactBase {
  mac: string;
  state: string;
  locality_number: string;
  locality_name: string;
  work_gpci: string | null;
  pe_gpci: string | null;
  mp_gpci: string | null;
  notes: ColumnType<string[], string, string>;
}

export interface McdDocumentsTable extends FactBase {
  display_id: string;
  document_type: string;
  document_version: string | null;
  title: string;
  contractors: ColumnType<string[], string, string>;
  contractor_text: string;
  effective_date: DateColumn;
  retirement_date: DateColumn;
  updated_on: DateColumn;
  note: string | null;
  url: string | null;
}

export interface AddOnCodesTable extends FactBase {
  add_on_code: string;
  primary_code: string;
}

export interface CoverageCodesTable extends FactBase {
  policy_id: string;
  procedure_code: string;
  icd10_code: string;
}

export interface PassagesTable {
  id: GeneratedAlways<number>;
  org_id: string;
  document_id: number;
  ordinal: number;
  text: string;
  page: number | null;
  heading_path: ColumnType<string[], string, string>;
  start_offset: number;
  end_offset: number;
  language: string;
  text_search_config: string;
}

export interface CodeMentionsTable {
  org_id: string;
  document_id: number;
  passage_id: number;
  system: string;
  code: string;
  start_offset: number;
  end_offset: number;
  via: string;
}

export interface DocumentFilesTable {
  org_id: string;
  document_id: number;
  content_type: string;
  bytes: Uint8Array;
}

export interface ThreadsTable {
  id: string;
  org_id: string;
  lang: string;
  context: ColumnType<ThreadContextColumn, string, string>;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

/** What a thread remembers for follow-ups. */
export interface ThreadContextColumn {
  codes: string[];
  dos: string | null;
  setting: string | null;
}

export interface ThreadMessagesTable {
  id: string;
  org_id: string;
  thread_id: string;
  turn: number;
  question: string;
  answer: ColumnType<unknown, string, string>;
  created_at: Generated<string>;
}

export interface AnswerFeedbackTable {
  id: GeneratedAlways<number>;
  org_id: string;
  message_id: string;
  vote: 'up' | 'down';
  comment: string | null;
  created_at: Generated<string>;
}

export interface LibraryGapsTable {
  id: GeneratedAlways<number>;
  org_id: string;
  message_id: string | null;
  question: string;
  lang: string;
  codes: ColumnType<string[], string, string>;
  terms: ColumnType<string[], string, string>;
  created_at: Generated<string>;
}

/** Usage events (src/events/): counts and codes only, never patient data. */
export interface EventsTable {
  id: GeneratedAlways<number>;
  org_id: string;
  type: string;
  /** Both drivers read timestamptz as a Date; written as an ISO timestamp. */
  at: ColumnType<Date, string | undefined, never>;
  data: ColumnType<unknown, string, never>;
}

/** Timestamps: both drivers read timestamptz as a Date; written as ISO strings or now(). */
type Timestamp = ColumnType<Date, string | undefined, string>;
type NullableTimestamp = ColumnType<Date | null, string | null | undefined, string | null>;

export interface UsersTable {
  id: string;
  email: string;
  display_name: Generated<string>;
  password_hash: string | null;
  instance_admin: Generated<boolean>;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  disabled_at: NullableTimestamp;
  created_at: Timestamp;
  /** Created by an EHR (SMART) launch. */
  ehr_user: Generated<boolean>;
}

export interface MembershipsTable {
  user_id: string;
  org_id: string;
  role: string;
  created_at: Timestamp;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  org_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiKeysTable {
  id: string;
  org_id: string;
  name: string;
  role: string;
  key_hash: string;
  prefix: string;
  created_by: string;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface InvitesTable {
  token_hash: string;
  org_id: string;
  role: string;
  email: string | null;
  instance_admin: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

/** Who did what and when: ids only, never question text or claim content. */
export interface AuditLogTable {
  id: GeneratedAlways<number>;
  at: Timestamp;
  org_id: string | null;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  ip: string | null;
}

/** Reference datasets an organization turned off (it uses its own release, or none). */
export interface ReferenceOptOutsTable {
  org_id: string;
  dataset_key: string;
  created_at: Generated<Date>;
}

export type CheckJobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** A batch claim check: progress and summary counts are written with each batch of results. */
export interface CheckJobsTable {
  id: string;
  org_id: string;
  file_name: string;
  lang: string;
  status: CheckJobStatus;
  resumable: Generated<boolean>;
  done: Generated<number>;
  total: number;
  claims_with_errors: Generated<number>;
  errors: Generated<number>;
  warnings: Generated<number>;
  infos: Generated<number>;
  error_code: string | null;
  error_message: string | null;
  created_at: Timestamp;
  finished_at: NullableTimestamp;
}

/** A durable job's current run on PostgreSQL: its worker's heartbeat and last progress. */
export interface JobRunsTable {
  job_id: string;
  kind: string;
  worker: string;
  attempt: number;
  beat_at: Generated<Date>;
  progress: unknown;
}

/** A batch's claims in chunks from position `seq` (1, 2, …): gzip-compressed NDJSON, base64. */
export interface CheckJobClaimsTable {
  job_id: string;
  org_id: string;
  seq: number;
  count: number;
  claims: string;
}

/** A batch's results, one per claim, at the claim's position; JSON text as the checker wrote it. */
export interface CheckResultsTable {
  job_id: string;
  org_id: string;
  seq: number;
  result: string;
}

/** One check of a mirror entry by the release sync: its outcome and the release it concerns. */
export interface ReleaseSyncsTable {
  id: GeneratedAlways<number>;
  org_id: string;
  dataset_id: string;
  kind: string;
  checked_at: Timestamp;
  result: 'imported' | 'up-to-date' | 'failed';
  failed_step: 'mirror' | 'download' | 'verify' | 'import' | null;
  message: string | null;
  source_url: string;
  source_validator: string | null;
  release_label: string | null;
  published_on: DateColumn;
  effective_on: DateColumn;
  file_hash: string | null;
  document_id: number | null;
}

/** The instance's one release sync schedule row (id 1): when the next check is due. */
export interface ReleaseSyncScheduleTable {
  id: number;
  next_check_at: NullableTimestamp;
  last_started_at: NullableTimestamp;
}

export interface Database {
  orgs: OrgsTable;
  documents: DocumentsTable;
  code_descriptors: CodeDescriptorsTable;
  code_notes: CodeNotesTable;
  ptp_edits: PtpEditsTable;
  mue_edits: MueEditsTable;
  edit_scopes: EditScopesTable;
  rvu_indicators: RvuIndicatorsTable;
  add_on_codes: AddOnCodesTable;
  coverage_codes: CoverageCodesTable;
  gpci_localities: GpciLocalitiesTable;
  mcd_documents: McdDocumentsTable;
  passages: PassagesTable;
  code_mentions: CodeMentionsTable;
  document_files: DocumentFilesTable;
  threads: ThreadsTable;
  thread_messages: ThreadMessagesTable;
  answer_feedback: AnswerFeedbackTable;
  library_gaps: LibraryGapsTable;
  events: EventsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  invites: InvitesTable;
  audit_log: AuditLogTable;
  reference_opt_outs: ReferenceOptOutsTable;
  check_jobs: CheckJobsTable;
  job_runs: JobRunsTable;
  ehr_connections: EhrConnectionsTable;
  ehr_access_requests: EhrAccessRequestsTable;
  smart_launches: SmartLaunchesTable;
  ehr_seal_keys: EhrSealKeysTable;
  cds_seen_jtis: CdsSeenJtisTable;
  check_job_claims: CheckJobClaimsTable;
  check_results: CheckResultsTable;
  release_syncs: ReleaseSyncsTable;
  release_sync_schedule: ReleaseSyncScheduleTable;
  watched_codes: WatchedCodesTable;
  library_changes: LibraryChangesTable;
}

/** One row: how many changes to the documents and reference opt-outs have committed. */
export interface LibraryChangesTable {
  id: number;
  count: number;
}

/** A code an organization chose to watch for changes between releases. */
export interface WatchedCodesTable {
  org_id: string;
  code: string;
  system: 'cpt' | 'hcpcs' | 'icd10cm';
  added_by: string | null;
  added_at: Timestamp;
}

export interface EhrConnectionsTable {
  org_id: string;
  issuer: string;
  client_id: string;
  scopes: string;
  frame_ancestors: ColumnType<string[], string, string>;
  cds_issuer: ColumnType<string | null, string | null | undefined, string | null>;
  cds_jwks_url: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface EhrAccessRequestsTable {
  id: GeneratedAlways<number>;
  org_id: string;
  user_id: string;
  note: string;
  requested_at: Timestamp;
  handled_at: NullableTimestamp;
}

export interface SmartLaunchesTable {
  state_hash: string;
  org_id: string;
  issuer: string;
  launch: string | null;
  redirect_uri: string;
  sealed_verifier: string;
  binding_hash: string;
  expires_at: ColumnType<Date, string, string>;
}

/** JWT ids of CDS Hooks calls already accepted, until the JWT expires (replay guard). */
export interface CdsSeenJtisTable {
  issuer: string;
  jti: string;
  expires_at: ColumnType<Date, string, string>;
}

export interface EhrSealKeysTable {
  id: number;
  secret: string;
}
