import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, RvuIndicatorsTable } from '../db/schema.ts';
import { documentInForce } from '../library/store/effective.repository.ts';

/** The tables answered row by row (the document kinds that fill them). */
export type FactTableName = 'gpci' | 'mcd-index' | 'mpfs-rvu';

interface SourceColumns {
  document_id: number;
  title: string;
  release: string | null;
  locator: string;
}

export interface GpciRow extends SourceColumns {
  mac: string;
  state: string;
  locality_number: string;
  locality_name: string;
  work_gpci: string | null;
  pe_gpci: string | null;
  mp_gpci: string | null;
  notes: string[];
}

export interface McdRow extends SourceColumns {
  display_id: string;
  document_type: string;
  document_version: string | null;
  doc_title: string;
  contractors: string[];
  contractor_text: string;
  effective_date: string | null;
  retirement_date: string | null;
  note: string | null;
  url: string | null;
}

/** The indicator row as stored (schema.ts), with its source columns. */
export type RvuTableRow = SourceColumns &
  Omit<Selectable<RvuIndicatorsTable>, 'org_id' | 'document_id' | 'locator'>;

const kindOf: Record<FactTableName, string> = {
  gpci: 'gpci',
  'mcd-index': 'mcd-index',
  'mpfs-rvu': 'mpfs-rvu',
};

/** Whether the library holds a version of the table at all, and one in force on the date. */
export async function tablePresence(
  db: Kysely<Database>,
  orgId: string,
  table: FactTableName,
  dos: string,
): Promise<{ any: boolean; inForce: boolean }> {
  const { rows } = await sql<{ any: boolean; in_force: boolean }>`
    select count(*) > 0 as any, count(*) filter (where ${documentInForce('d', dos)}) > 0 as in_force
    from documents d
    where d.org_id = any(library_orgs(${orgId}))
      and d.id <> all((select shadowed_documents(${orgId}))::int[]) and d.kind = ${kindOf[table]} and d.rows_stored > 0`.execute(
    db,
  );
  return { any: rows[0]?.any === true, inForce: rows[0]?.in_force === true };
}

/** Every locality of the GPCI versions in force (a file has about a hundred), in file order. */
export async function gpciRowsInForce(
  db: Kysely<Database>,
  orgId: string,
  dos: string,
): Promise<GpciRow[]> {
  const { rows } = await sql<GpciRow>`
    select g.mac, g.state, g.locality_number, g.locality_name, g.work_gpci, g.pe_gpci, g.mp_gpci,
      g.notes, g.locator, d.id as document_id, d.title, d.release
    from gpci_localities g join documents d on d.id = g.document_id
    where g.org_id = any(library_orgs(${orgId}))
      and g.document_id <> all((select shadowed_documents(${orgId}))::int[]) and ${documentInForce('d', dos)}
    order by d.effective_from desc nulls last, d.id desc,
      nullif(substring(g.locator from '[0-9]+'), '')::int nulls last`.execute(db);
  return rows;
}

/** The contractors the coverage database index names, for reading them out of a question. */
export async function mcdContractors(db: Kysely<Database>, orgId: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select distinct c.name
    from mcd_documents m, jsonb_array_elements_text(m.contractors) as c(name)
    where m.org_id = any(library_orgs(${orgId}))
      and m.document_id <> all((select shadowed_documents(${orgId}))::int[])
    order by c.name`.execute(db);
  return rows.map((r) => r.name);
}

/**
 * Each word's standing in the index's titles (English stemming): `title` when some title has
 * it, `stop` for a word full-text search ignores ("have", "for"), `none` otherwise.
 */
export async function wordsInMcdTitles(
  db: Kysely<Database>,
  orgId: string,
  words: readonly string[],
): Promise<{ word: string; standing: 'title' | 'stop' | 'none' }[]> {
  if (words.length === 0) return [];
  const { rows } = await sql<{ word: string; standing: 'title' | 'stop' | 'none' }>`
    select w.word, case
      when numnode(plainto_tsquery('english', w.word)) = 0 then 'stop'
      when exists (
        select 1 from mcd_documents m
        where m.org_id = any(library_orgs(${orgId}))
      and m.document_id <> all((select shadowed_documents(${orgId}))::int[]) and m.title_vector @@ plainto_tsquery('english', w.word)
      ) then 'title'
      else 'none' end as standing
    from unnest(${[...words]}::text[]) as w(word)`.execute(db);
  return rows;
}

export interface McdFilter {
  orgId: string;
  dos: string;
  /** Display ids ("L39242"): those rows, whatever else is asked. */
  ids: readonly string[];
  /** Contractor names exactly as the index lists them; any of them. */
  contractors: readonly string[];
  /** Every word must be in the title (English stemming). */
  titleWords: readonly string[];
  documentType: string | null;
  limit: number;
}

/**
 * Index rows matching the filter, each column tested on its own: contractors against the
 * contractor list, words against the title. Documents retired before the date are left out of
 * lists (an id asked for is shown whatever its dates). Also returns how many rows matched.
 */
export async function findMcdRows(
  db: Kysely<Database>,
  f: McdFilter,
): Promise<{ rows: McdRow[]; total: number }> {
  const byId = f.ids.length > 0;
  const conditions = byId
    ? sql`m.display_id = any(${[...f.ids]}::text[])`
    : sql`(m.retirement_date is null or m.retirement_date >= ${f.dos}::date)
        and ${f.contractors.length > 0 ? sql`m.contractors ?| ${[...f.contractors]}::text[]` : sql`true`}
        and ${f.titleWords.length > 0 ? sql`m.title_vector @@ plainto_tsquery('english', ${f.titleWords.join(' ')})` : sql`true`}
        and ${f.documentType === null ? sql`true` : sql`m.document_type = ${f.documentType}`}`;
  const { rows } = await sql<McdRow & { total: number }>`
    select m.display_id, m.document_type, m.document_version, m.title as doc_title, m.contractors,
      m.contractor_text, m.effective_date, m.retirement_date, m.note, m.url, m.locator,
      d.id as document_id, d.title, d.release, (count(*) over ())::int as total
    from mcd_documents m join documents d on d.id = m.document_id
    where m.org_id = any(library_orgs(${f.orgId}))
      and m.document_id <> all((select shadowed_documents(${f.orgId}))::int[]) and ${documentInForce('d', f.dos)} and ${conditions}
    order by m.document_type desc, m.display_id, d.effective_from desc nulls last
    limit ${f.limit}`.execute(db);
  return { rows, total: rows[0]?.total ?? 0 };
}

/** RVU rows of the codes in the versions in force, newest version first. */
export async function findRvuRows(
  db: Kysely<Database>,
  orgId: string,
  dos: string,
  codes: readonly string[],
): Promise<RvuTableRow[]> {
  if (codes.length === 0) return [];
  const { rows } = await sql<RvuTableRow>`
    select r.code, r.modifier, r.status_code, r.global_days, r.multiple_procedure,
      r.bilateral_surgery, r.assistant_surgery, r.co_surgeons, r.team_surgery, r.columns,
      r.locator, d.id as document_id, d.title, d.release
    from rvu_indicators r join documents d on d.id = r.document_id
    where r.org_id = any(library_orgs(${orgId}))
      and r.document_id <> all((select shadowed_documents(${orgId}))::int[]) and r.code = any(${[...codes]}::text[]) and ${documentInForce('d', dos)}
    order by r.code, coalesce(r.modifier, ''), d.effective_from desc nulls last, d.id desc`.execute(
    db,
  );
  return rows;
}

/** Whether a descriptor table of the system (any system: null) is in force on the date. */
export async function hasCodeTable(
  db: Kysely<Database>,
  orgId: string,
  system: string | null,
  dos: string,
): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    select exists (
      select 1 from documents d
      where d.org_id = any(library_orgs(${orgId}))
      and d.id <> all((select shadowed_documents(${orgId}))::int[]) and ${documentInForce('d', dos)} and exists (
        select 1 from code_descriptors c
        where c.document_id = d.id and c.org_id = any(library_orgs(${orgId}))
      and c.document_id <> all((select shadowed_documents(${orgId}))::int[])
          and ${system === null ? sql`true` : sql`c.system = ${system}`}
      )
    ) as found`.execute(db);
  return rows[0]?.found === true;
}
