import type { Migration } from 'kysely';
import * as createLibrary from './20261127000000-create-library.ts';
import * as createThreads from './20261127010000-create-threads.ts';
import * as createDocumentFiles from './20261127020000-create-document-files.ts';
import * as createEvents from './20261127030000-create-events.ts';
import * as indexEventsTime from './20261127040000-index-events-time.ts';
import * as createTableFacts from './20261204000000-create-table-facts.ts';
import * as endIcd10cmFiscalYears from './20261204010000-end-icd10cm-fiscal-years.ts';
import * as createAccess from './20261205000000-create-access.ts';
import * as dropFeedbackComments from './20261205010000-drop-feedback-comments-from-events.ts';
import * as fenceOrganizations from './20261205020000-fence-organizations.ts';
import * as shareReferenceData from './20261205030000-share-reference-data.ts';
import * as shadowReferenceDatasets from './20261205040000-shadow-reference-datasets.ts';
import * as createCheckJobs from './20261205050000-create-check-jobs.ts';
import * as stageImports from './20261205060000-stage-imports.ts';
import * as createEditScopes from './20261205070000-create-edit-scopes.ts';
import * as createJobRuns from './20261205081700-create-job-runs.ts';
import * as createEhr from './20261205090000-create-ehr.ts';
import * as addCdsClients from './20261205110000-add-cds-clients.ts';
import * as createWatchedCodes from './20261205120000-create-watched-codes.ts';
import * as createReleaseSyncs from './20261205130000-create-release-syncs.ts';
import * as addRvuValues from './20261205131900-add-rvu-values.ts';
import * as countLibraryChanges from './20261206090000-count-library-changes.ts';

/** Every migration, in order. Names are `<timestamp>-<verb-noun>`; never rename one that shipped. */
export const migrations: Record<string, Migration> = {
  '20261127000000-create-library': createLibrary,
  '20261127010000-create-threads': createThreads,
  '20261127020000-create-document-files': createDocumentFiles,
  '20261127030000-create-events': createEvents,
  '20261127040000-index-events-time': indexEventsTime,
  '20261204000000-create-table-facts': createTableFacts,
  '20261204010000-end-icd10cm-fiscal-years': endIcd10cmFiscalYears,
  '20261205000000-create-access': createAccess,
  '20261205010000-drop-feedback-comments-from-events': dropFeedbackComments,
  '20261205020000-fence-organizations': fenceOrganizations,
  '20261205030000-share-reference-data': shareReferenceData,
  '20261205040000-shadow-reference-datasets': shadowReferenceDatasets,
  '20261205050000-create-check-jobs': createCheckJobs,
  '20261205060000-stage-imports': stageImports,
  '20261205070000-create-edit-scopes': createEditScopes,
  '20261205081700-create-job-runs': createJobRuns,
  '20261205090000-create-ehr': createEhr,
  '20261205110000-add-cds-clients': addCdsClients,
  '20261205120000-create-watched-codes': createWatchedCodes,
  '20261205130000-create-release-syncs': createReleaseSyncs,
  '20261205131900-add-rvu-values': addRvuValues,
  '20261206090000-count-library-changes': countLibraryChanges,
};
