/**
 * Compile-time checks that the server's own types still fit the shared contracts, so drift fails
 * `tsc`: each service's result must be assignable to the contract's type, and each vocabulary
 * the contracts restate (they may import only zod and the domain) must equal the server's.
 * Routes are also checked by the zod type provider against their declared response schemas;
 * `contracts.test.ts` checks the same lists' order at run time.
 */
import type { Answer as ServerAnswer, AskResponse as ServerAskResponse } from '../ask/ask-types.ts';
import type { StoredThread as ServerThread } from '../ask/thread.repository.ts';
import type { Card as ServerCard } from '../cards/card-types.ts';
import type { CodeDescription as ServerCodeDescription } from '../codes/code-description.ts';
import type { SearchHit } from '../codes/code-search.repository.ts';
import type { Answer, AskResponse, StoredThread, ptpVerdictKinds } from '../contracts/ask.ts';
import type { Card } from '../contracts/cards.ts';
import type { batchStatuses, reportFormats } from '../contracts/check-jobs.ts';
import type { ClaimResult, ruleIds } from '../contracts/checks.ts';
import type { CodeDescription, CodeSearchHit, codeValidityKinds } from '../contracts/codes.ts';
import type { Citation } from '../contracts/common.ts';
import type { DocumentSummary, importStatuses } from '../contracts/library.ts';
import type { Granularity, PerformanceReport } from '../contracts/performance.ts';
import type { PassagePage, Source } from '../contracts/sources.ts';
import type { Citation as DomainCitation } from '../domain/citation.ts';
import type { CodeValidity } from '../domain/code-validity.ts';
import type { JobStatus } from '../domain/job-queue.ts';
import type { PtpVerdictKind } from '../domain/ptp-verdict.ts';
import type { DocumentSummary as ServerDocument } from '../library/library.service.ts';
import type { DocumentPassages, Source as ServerSource } from '../library/sources.service.ts';
import type { Granularity as ServerGranularity } from '../performance/performance-types.ts';
import type { PerformanceReport as ServerReport } from '../performance/performance-types.ts';
import type { ClaimResult as ServerClaimResult } from '../rules/claim-checker.ts';
import type { RuleId } from '../rules/finding.ts';
import type { reportFormats as serverReportFormats } from '../check/check-report.ts';

/** Compiles only when `T` is true. */
type Assert<T extends true> = T;
type Fits<Server, Contract> = [Server] extends [Contract] ? true : false;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export type ServerFitsContracts = [
  Assert<Fits<DomainCitation, Citation>>,
  Assert<Fits<ServerCard, Card>>,
  Assert<Fits<ServerAnswer, Answer>>,
  Assert<Fits<ServerAskResponse, AskResponse>>,
  Assert<Fits<ServerThread, StoredThread>>,
  Assert<Fits<ServerClaimResult, ClaimResult>>,
  Assert<Fits<ServerCodeDescription, CodeDescription>>,
  Assert<Fits<SearchHit, CodeSearchHit>>,
  Assert<Fits<ServerDocument, DocumentSummary>>,
  Assert<Fits<ServerSource, Source>>,
  Assert<Fits<DocumentPassages, PassagePage>>,
  Assert<Fits<ServerReport, PerformanceReport>>,
];

export type SameVocabulary = [
  Assert<Same<PtpVerdictKind, (typeof ptpVerdictKinds)[number]>>,
  Assert<Same<CodeValidity<unknown>['kind'], (typeof codeValidityKinds)[number]>>,
  Assert<Same<RuleId, (typeof ruleIds)[number]>>,
  Assert<Same<JobStatus, (typeof batchStatuses)[number]>>,
  Assert<Same<JobStatus, (typeof importStatuses)[number]>>,
  Assert<Same<ServerGranularity, Granularity>>,
  Assert<Same<typeof serverReportFormats, typeof reportFormats>>,
];
