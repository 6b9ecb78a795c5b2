import type { CodeSystem } from '../library/formats/fact-record.ts';
import type { LibraryContext } from '../library/library-context.ts';
import {
  searchByCodePrefix,
  searchBySimilarity,
  searchByWords,
  type SearchHit,
} from './code-search.repository.ts';
import { formatIcd10cm } from './normalize.ts';

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
