import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { documentInForce } from '../library/store/effective.repository.ts';

export interface SearchHit {
  system: string;
  code: string;
  description: string;
  score: number;
}

interface SearchScope {
  orgId: string;
  dos: string;
  system: string | null;
  limit: number;
}

/**
 * Full-text search over descriptors and ICD-10-CM inclusion terms (the tabular list's
 * synonyms), best first. `tsquery` is built by Postgres from the user's words (websearch
 * syntax), never by string concatenation.
 */
export async function searchByWords(
  db: Kysely<Database>,
  scope: SearchScope,
  words: string,
  mode: 'all' | 'any',
): Promise<SearchHit[]> {
  const query =
    mode === 'all'
      ? sql`websearch_to_tsquery('english', ${words})`
      : sql`replace(websearch_to_tsquery('english', ${words})::text, ' & ', ' | ')::tsquery`;
  const systemFilter = (alias: string) =>
    scope.system === null ? sql`true` : sql`${sql.ref(`${alias}.system`)} = ${scope.system}`;
  const { rows } = await sql<SearchHit>`
    with q as (select ${query} as query),
    hits as (
      select c.system, c.code, ts_rank(c.search_vector, q.query) as score
      from q, code_descriptors c join documents d on d.id = c.document_id
      where c.org_id = any(library_orgs(${scope.orgId}))
      and c.document_id <> all((select shadowed_documents(${scope.orgId}))::int[]) and c.search_vector @@ q.query and ${systemFilter('c')}
        and ${documentInForce('d', scope.dos)}
      union all
      select n.system, n.code, ts_rank(n.search_vector, q.query) * 0.9 as score
      from q, code_notes n join documents d on d.id = n.document_id
      where n.org_id = any(library_orgs(${scope.orgId}))
      and n.document_id <> all((select shadowed_documents(${scope.orgId}))::int[]) and n.note_type = 'inclusionTerm'
        and n.search_vector @@ q.query and ${systemFilter('n')} and ${documentInForce('d', scope.dos)}
    ),
    best as (
      select system, code, max(score) as score from hits group by system, code
      order by max(score) desc, code limit ${scope.limit}
    )
    select b.system, b.code, b.score::float8 as score, (
      select c.long_description from code_descriptors c join documents d on d.id = c.document_id
      where c.org_id = any(library_orgs(${scope.orgId}))
      and c.document_id <> all((select shadowed_documents(${scope.orgId}))::int[]) and c.system = b.system and c.code = b.code
        and ${documentInForce('d', scope.dos)}
      order by d.effective_from desc nulls last limit 1
    ) as description
    from best b order by b.score desc, b.code`.execute(db);
  return rows.filter((r) => r.description !== null);
}

/** Codes that start with what was typed ("M54.1" -> M54.10 ... M54.18). */
export async function searchByCodePrefix(
  db: Kysely<Database>,
  scope: SearchScope,
  prefix: string,
): Promise<SearchHit[]> {
  const { rows } = await sql<SearchHit>`
    select distinct on (c.code, c.system) c.system, c.code, c.long_description as description,
      1.0::float8 as score
    from code_descriptors c join documents d on d.id = c.document_id
    where c.org_id = any(library_orgs(${scope.orgId}))
      and c.document_id <> all((select shadowed_documents(${scope.orgId}))::int[]) and c.code like ${`${escapeLike(prefix)}%`}
      and ${scope.system === null ? sql`true` : sql`c.system = ${scope.system}`}
      and ${documentInForce('d', scope.dos)}
    order by c.code, c.system, d.effective_from desc nulls last
    limit ${scope.limit}`.execute(db);
  return rows;
}

/** Typo-tolerant fallback: trigram similarity on the long descriptor. */
export async function searchBySimilarity(
  db: Kysely<Database>,
  scope: SearchScope,
  words: string,
): Promise<SearchHit[]> {
  const { rows } = await sql<SearchHit>`
    select c.system, c.code, c.long_description as description,
      word_similarity(${words}, c.long_description)::float8 * 0.5 as score
    from code_descriptors c join documents d on d.id = c.document_id
    where c.org_id = any(library_orgs(${scope.orgId}))
      and c.document_id <> all((select shadowed_documents(${scope.orgId}))::int[]) and ${words} <% c.long_description
      and ${scope.system === null ? sql`true` : sql`c.system = ${scope.system}`}
      and ${documentInForce('d', scope.dos)}
    order by score desc, c.code
    limit ${scope.limit}`.execute(db);
  return rows;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** One release's descriptor row of a code, with its release's period and rank. */
export interface DescriptorVersionRow {
  system: string;
  code: string;
  long_description: string;
  billable: boolean | null;
  effective_from: string | null;
  effective_to: string | null;
  locator: string;
  document_id: number;
  title: string;
  release: string | null;
  document_from: string | null;
  document_to: string | null;
  /** Higher is newer: releases ordered by effective date, then by import. */
  rank: number;
}

/**
 * Every release's row for the given codes (whatever the date), so the caller can decide which
 * release speaks for each code on the date of service.
 */
export async function findDescriptorVersions(
  db: Kysely<Database>,
  orgId: string,
  keys: readonly { system: string; code: string }[],
): Promise<DescriptorVersionRow[]> {
  if (keys.length === 0) return [];
  const { rows } = await sql<DescriptorVersionRow>`
    with ranked as (
      select d.id, d.title, d.release, d.effective_from, d.effective_to,
        (row_number() over (order by d.effective_from nulls first, d.imported_at, d.id))::int as rank
      from documents d where d.org_id = any(library_orgs(${orgId}))
      and d.id <> all((select shadowed_documents(${orgId}))::int[])
    )
    select c.system, c.code, c.long_description, c.billable, c.effective_from, c.effective_to,
      c.locator, r.id as document_id, r.title, r.release, r.effective_from as document_from,
      r.effective_to as document_to, r.rank
    from code_descriptors c join ranked r on r.id = c.document_id
    join unnest(${keys.map((k) => k.system)}::text[], ${keys.map((k) => k.code)}::text[])
      as k(system, code) on k.system = c.system and k.code = c.code
    where c.org_id = any(library_orgs(${orgId}))
      and c.document_id <> all((select shadowed_documents(${orgId}))::int[])`.execute(db);
  return rows;
}
