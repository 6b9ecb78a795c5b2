import type { Claim } from '../claims/claim-types.ts';
import type { LocaleCode } from '../domain/locale.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { checkClaim } from './check-claim.ts';
import type { RuleIndexes } from './check-context.ts';
import { editIndexFor, referenceIndexFor } from './edit-index-cache.ts';
import type { Finding } from './finding.ts';

export interface ClaimResult {
  id: string;
  findings: Finding[];
  summary: { errors: number; warnings: number; infos: number };
}

/** Checks one claim at a time, synchronously, once the library's indexes are loaded. */
export type ClaimChecker = (claim: Claim) => ClaimResult;

/**
 * Loads (or reuses) the library's shared rule indexes and returns a checker bound to them, so
 * a caller can check claims as it reads them (streams, jobs) without holding the whole batch.
 */
export async function claimChecker(ctx: LibraryContext, lang: LocaleCode): Promise<ClaimChecker> {
  const indexes = await ruleIndexesFor(ctx);
  return (claim) => {
    const findings = checkClaim(claim, indexes, lang);
    return { id: claim.id, findings, summary: summarize(findings) };
  };
}

/** The library's edit and reference indexes, each loaded or reused from its cache. */
export async function ruleIndexesFor(ctx: LibraryContext): Promise<RuleIndexes> {
  // One after the other: the embedded database serves one query at a time anyway.
  const edits = await editIndexFor(ctx);
  const reference = await referenceIndexFor(ctx);
  return { edits, reference };
}

export function summarize(findings: readonly Finding[]): ClaimResult['summary'] {
  const summary = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}
