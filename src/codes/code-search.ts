import { dayOf } from '../domain/day.ts';
import { resolveOnDay } from '../domain/release-precedence.ts';
import { periodCovers, rowPeriod } from '../domain/row-period.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { rankHits, type Dose, type RankInput } from './code-ranking.ts';
import {
  findDescriptorVersions,
  searchByCodePrefix,
  searchBySimilarity,
  searchByWords,
  type SearchHit,
} from './code-search.repository.ts';
import type { CodeSystem } from '../domain/code-system.ts';
import { formatIcd10cm } from '../domain/code-shape.ts';

export interface CodeSearchOptions {
  system?: CodeSystem;
  limit?: number;
  dos: string;
}

const MAX_LIMIT = 200;

/**
 * Finds codes by words, synonyms or a code prefix, best first: code prefix when the text looks
 * like one, then all words, then any word, then similar spellings — each step only when the
 * previous found too little.
 */
export async function searchCodes(
  ctx: LibraryContext,
  text: string,
  options: CodeSearchOptions,
): Promise<SearchHit[]> {
  const words = text.trim().slice(0, 200);
  if (words === '') return [];
  const scope = {
    orgId: ctx.orgId,
    dos: options.dos,
    system: options.system ?? null,
    limit: Math.min(Math.max(options.limit ?? 20, 1), MAX_LIMIT),
  };
  const results = new Map<string, SearchHit>();
  const add = (hits: SearchHit[]) => {
    for (const hit of hits) {
      const key = `${hit.system}|${hit.code}`;
      if (!results.has(key) && results.size < scope.limit) results.set(key, hit);
    }
  };
  if (/^[A-Za-z0-9]{1,3}(\.?[A-Za-z0-9]{0,4})$/.test(words) && /\d/.test(words)) {
    const prefix = words.toUpperCase();
    add(await searchByCodePrefix(ctx.db, scope, prefix));
    if (/^[A-Z]\d[0-9A-Z][0-9A-Z]/.test(prefix) && !prefix.includes('.')) {
      add(await searchByCodePrefix(ctx.db, scope, formatIcd10cm(prefix)));
    }
  }
  if (results.size < scope.limit) add(await searchByWords(ctx.db, scope, words, 'all'));
  if (results.size === 0) add(await searchByWords(ctx.db, scope, words, 'any'));
  if (results.size === 0) add(await searchBySimilarity(ctx.db, scope, words));
  return [...results.values()];
}

/** A code found for a "which code for …" question, with the descriptor row it rests on. */
export interface DescribedCode {
  system: string;
  code: string;
  description: string;
  billable: boolean | null;
  matched: string[];
  missing: string[];
  dose: 'same' | 'different' | 'none' | null;
  source: { document_id: number; title: string; release: string | null; locator: string };
}

export interface DescriptionQuery {
  /** Content words of the question (what the code is for). */
  words: readonly string[];
  doses: readonly Dose[];
  system: CodeSystem | null;
  dos: string;
  limit: number;
}

const CANDIDATES = 150;

/**
 * The codes whose descriptors best answer "which code for …": candidates from full-text search
 * (all words, then any word, then similar spellings) in releases in force on the date, each
 * code's descriptor taken from the release that speaks for it on that day (a newer release's
 * row wins; a row's own dates count), then ranked by the words and dose the descriptor states.
 */
export async function findCodesByDescription(
  ctx: LibraryContext,
  query: DescriptionQuery,
): Promise<DescribedCode[]> {
  const text = query.words.join(' ').slice(0, 200);
  if (text === '') return [];
  const scope = { orgId: ctx.orgId, dos: query.dos, system: query.system, limit: CANDIDATES };
  const candidates = new Map<string, SearchHit>();
  const add = (hits: SearchHit[]) => {
    for (const hit of hits) {
      const key = `${hit.system}|${hit.code}`;
      if (!candidates.has(key)) candidates.set(key, hit);
    }
  };
  add(await searchByWords(ctx.db, scope, text, 'all'));
  if (candidates.size < query.limit) add(await searchByWords(ctx.db, scope, text, 'any'));
  if (candidates.size === 0) add(await searchBySimilarity(ctx.db, scope, text));
  const versions = await findDescriptorVersions(ctx.db, ctx.orgId, [...candidates.values()]);
  const day = dayOf(query.dos);
  const inForce: (RankInput & { system: string; source: DescribedCode['source'] })[] = [];
  for (const [key, hit] of candidates) {
    const held = versions
      .filter((v) => `${v.system}|${v.code}` === key)
      .map((v) => ({
        row: v,
        rank: v.rank,
        period: rowPeriod(
          { from: v.document_from, to: v.document_to },
          { from: v.effective_from, to: v.effective_to },
        ),
      }));
    const resolved = resolveOnDay(held, day);
    if (resolved.kind !== 'in-force') continue;
    const row = resolved.held.row;
    // The tabular list and the order file both describe ICD-10-CM codes; only the order file
    // says which are billable, so a release in force that says so fills it in.
    const deciding =
      row.billable !== null
        ? row
        : (held.find((h) => h.row.billable !== null && periodCovers(h.period, day))?.row ?? row);
    const billable = deciding.billable;
    inForce.push({
      system: row.system,
      code: row.code,
      description: row.long_description,
      billable,
      score: hit.score,
      // Cited to the row that decides the code (the order file's, which states billability).
      source: {
        document_id: deciding.document_id,
        title: deciding.title,
        release: deciding.release,
        locator: deciding.locator,
      },
    });
  }
  return rankHits(inForce, query.words, query.doses)
    .slice(0, query.limit)
    .map(({ score: _score, ...hit }) => hit);
}
