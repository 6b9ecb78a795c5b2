import { sql, type RawBuilder } from 'kysely';
import type { LibraryContext } from '../library/library-context.ts';
import { documentInForce } from '../library/store/effective.repository.ts';
import { libraryVersionCache } from '../rules/library-version-cache.ts';
import type { QuestionTerms } from './question-terms.ts';
import type { PassageRow } from '../library/citations.ts';

export interface PassageHit extends PassageRow {
  rank: number;
}

const MAX_HITS = 40;

export interface PassageScope {
  dos: string;
  setting: string;
  /** Codes the question names: passages that mention them rank first. */
  codes: readonly string[];
}

/**
 * Passages of documents in force that match the question: full-text search in each passage's
 * own text-search configuration (so stems match the way the passage was indexed), any content
 * word matching; CJK questions match character bigrams. Passages mentioning the question's
 * codes are boosted. Scoped to the org.
 */
export async function searchPassages(
  ctx: LibraryContext,
  terms: QuestionTerms,
  scope: PassageScope,
): Promise<PassageHit[]> {
  const matches: RawBuilder<boolean>[] = [];
  if (terms.words.length > 0) {
    const query = terms.words.join(' | ');
    const configs = await searchConfigs(ctx);
    for (const config of configs) {
      matches.push(
        sql<boolean>`(p.text_search_config = ${config}::regconfig
          and p.search_vector @@ to_tsquery(${config}::regconfig, ${query}))`,
      );
    }
  }
  // Headings count too: "什么时候要马上联系我们" is a heading over the sentence that answers it.
  for (const bigram of terms.bigrams.slice(0, 24))
    matches.push(sql<boolean>`strpos(p.text || p.heading_path::text, ${bigram}) > 0`);
  if (matches.length === 0 && scope.codes.length === 0) return [];
  const textMatch = matches.length > 0 ? sql.join(matches, sql` or `) : sql`false`;
  const codes = scope.codes.length > 0 ? scope.codes : [''];
  const words = terms.words.length > 0 ? terms.words.join(' | ') : '';
  // Rank by how many of the question's words a passage has, then by how densely.
  const wordsMatched =
    terms.words.length > 0
      ? sql.join(
          terms.words.map(
            (w) => sql`(p.search_vector @@ to_tsquery(p.text_search_config, ${w}))::int`,
          ),
          sql` + `,
        )
      : sql`0`;
  const { rows } = await sql<PassageHit>`
    select p.id as passage_id, p.text, p.page, p.heading_path, p.start_offset, p.language,
      d.id as document_id, d.title, d.release,
      (${wordsMatched} + 0.1 * (case when ${words} = '' then 0
            else ts_rank_cd(p.search_vector, to_tsquery(p.text_search_config, ${words})) end)
       + case when exists (select 1 from code_mentions m where m.passage_id = p.id
                           and m.code in (${sql.join(codes)})) then 1 else 0 end) as rank
    from passages p join documents d on d.id = p.document_id
    where p.org_id = any(library_orgs(${ctx.orgId}))
      and p.document_id <> all((select shadowed_documents(${ctx.orgId}))::int[]) and ${documentInForce('d', scope.dos)}
      and (d.setting is null or d.setting = ${scope.setting})
      and (${textMatch} or exists (select 1 from code_mentions m where m.passage_id = p.id
                                   and m.code in (${sql.join(codes)})))
    order by rank desc, d.id, p.ordinal
    limit ${MAX_HITS}`.execute(ctx.db);
  return rows;
}

/** The text-search configurations the org's passages use (a handful: english, spanish, simple…). */
const searchConfigs = libraryVersionCache('reference', async (ctx: LibraryContext) => {
  const { rows } = await sql<{ config: string }>`
    select distinct text_search_config::text as config from passages
    where org_id = any(library_orgs(${ctx.orgId}))
      and document_id <> all((select shadowed_documents(${ctx.orgId}))::int[])`.execute(ctx.db);
  return rows.map((r) => r.config);
});
