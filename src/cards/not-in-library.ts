import type { CardNotFound } from '../contracts/card-not-found.ts';
import type { CodeSystem } from '../domain/code-system.ts';
import { CodecardError } from '../errors/codecard-error.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { cardTableKinds } from './card-table-kinds.ts';
import { codesWithPrefix, searchedReleases } from './not-in-library.repository.ts';

const NEAREST = 5;

/**
 * The NOT_FOUND of a card for a code the library knows nothing about on the date: the message
 * the card would have given, and as details the table releases in force that were searched and
 * the nearest codes the library describes (longest shared prefix, then numerically closest), so
 * the page can say what was looked at and offer a likely typo's correction.
 */
export async function notInLibraryError(
  ctx: LibraryContext,
  request: { code: string; system: CodeSystem; dos: string },
  detail: string,
): Promise<CodecardError> {
  const { code, system, dos } = request;
  const [searched, nearest] = await Promise.all([
    searchedReleases(ctx, dos, cardTableKinds),
    nearestCodes(ctx, code, system, dos),
  ]);
  const details: CardNotFound = {
    kind: 'card-not-found',
    code,
    system,
    dos,
    searched: searched.map((r) => ({
      kind: r.kind,
      title: r.title,
      release: r.release,
      effectiveFrom: r.effective_from,
      effectiveTo: r.effective_to,
      partial: r.partial,
    })),
    nearest,
  };
  return new CodecardError('NOT_FOUND', { detail }, details);
}

/**
 * Codes sharing the longest prefix with `code`, closest first: the longest prefix that has any,
 * then shorter ones until there are a few (at most `code.length - 1` small queries).
 */
async function nearestCodes(
  ctx: LibraryContext,
  code: string,
  system: CodeSystem,
  dos: string,
): Promise<CardNotFound['nearest']> {
  const found: CardNotFound['nearest'] = [];
  const seen = new Set([code]);
  for (let length = code.length - 1; length >= 1 && found.length < NEAREST; length--) {
    const rows = (await codesWithPrefix(ctx, system, code.slice(0, length), dos, 200))
      .filter((r) => !seen.has(r.code))
      .sort(
        (a, b) => distance(a.code, code) - distance(b.code, code) || a.code.localeCompare(b.code),
      );
    for (const r of rows.slice(0, NEAREST - found.length)) {
      seen.add(r.code);
      found.push({ system: r.system, code: r.code, description: r.description });
    }
  }
  return found;
}

/** How far apart two codes are: by their digits where both are numbers, else by position. */
function distance(a: string, b: string): number {
  const digits = (s: string) => Number(s.replace(/\D/g, '') || 'NaN');
  const gap = Math.abs(digits(a) - digits(b));
  return Number.isFinite(gap) ? gap : a.localeCompare(b) === 0 ? 0 : 1e9;
}
