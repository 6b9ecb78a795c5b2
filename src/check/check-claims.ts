import type { Claim } from '../claims/claim-types.ts';
import type { LocaleCode } from '../domain/locale.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { claimChecker, type ClaimResult } from '../rules/claim-checker.ts';
import { CheckEventAccumulator, recordCheck } from './check-event.ts';

export interface CheckClaimsOptions {
  lang: LocaleCode;
  /**
   * Milliseconds of checking between yields to the event loop, so a server keeps answering
   * (cards, status polls, health) during a long batch: the batch never holds the loop much
   * longer than this, whatever a claim costs. Omit for no yields (a CLI run).
   */
  yieldAfterMs?: number;
  /** Stops the run between claims; the claims checked so far are still recorded. */
  signal?: AbortSignal;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The one claim-check pipeline (CLI, REST and batch jobs): claims stream in, one verdict per
 * claim streams out in order, and a single `check` usage event (counters only, no claim data)
 * is recorded when the stream ends, also when it ends early (bad input partway, a cancel, a
 * consumer that stops reading). Nothing is kept across claims, so any length fits in memory.
 */
export async function* checkClaims(
  ctx: LibraryContext,
  claims: Iterable<Claim> | AsyncIterable<Claim>,
  options: CheckClaimsOptions,
): AsyncGenerator<ClaimResult, void, undefined> {
  const check = await claimChecker(ctx, options.lang);
  const checked = new CheckEventAccumulator();
  let since = performance.now();
  try {
    for await (const claim of claims) {
      options.signal?.throwIfAborted();
      const result = check(claim);
      checked.add(claim, result);
      yield result;
      if (options.yieldAfterMs !== undefined && performance.now() - since >= options.yieldAfterMs) {
        await yieldToEventLoop();
        since = performance.now();
      }
    }
  } finally {
    recordCheck(ctx, checked);
  }
}

/** Every verdict of a small, already-parsed batch (the synchronous REST check). */
export async function checkAllClaims(
  ctx: LibraryContext,
  claims: readonly Claim[],
  lang: LocaleCode,
): Promise<ClaimResult[]> {
  const results: ClaimResult[] = [];
  for await (const result of checkClaims(ctx, claims, { lang })) results.push(result);
  return results;
}
