import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { documentInForce } from '../library/store/effective.repository.ts';
import { ptpRowsInForce, type PtpCandidate } from './ptp-rows-in-force.ts';
import type {
  AddOnRow,
  CitedDocument,
  CoverageRow,
  MueRow,
  PtpRow,
  RvuRow,
} from './card-fact-rows.ts';
import type { PassageRow } from '../library/citations.ts';

interface Scope {
  orgId: string;
  code: string;
  dos: string;
  setting: string;
}

/**
 * The NCCI edits in force on the date of service where the code is column 1 or column 2: every
 * release's rows for the code, decided by release precedence (ptp-rows-in-force.ts), the rule
 * the claim check's edit index follows.
 */
export async function findPtpEdits(db: Kysely<Database>, s: Scope): Promise<PtpRow[]> {
  const { rows } = await sql<PtpCandidate>`
    select e.column1, e.column2, e.modifier_indicator, e.effective_from, e.deletion_date,
      e.rationale, e.locator, d.id as document_id, d.title, d.release,
      d.effective_from as release_from, d.effective_to as release_to,
      rank() over (order by d.effective_from nulls first, d.imported_at, d.id) as release_rank
    from ptp_edits e join documents d on d.id = e.document_id
    where e.org_id = any(library_orgs(${s.orgId}))
      and e.document_id <> all((select shadowed_documents(${s.orgId}))::int[]) and (e.column1 = ${s.code} or e.column2 = ${s.code})
      and d.setting = ${s.setting}
    order by e.modifier_indicator, e.column1, e.column2`.execute(db);
  return ptpRowsInForce(rows, s.dos);
}

export async function findMues(db: Kysely<Database>, s: Scope): Promise<MueRow[]> {
  const { rows } = await sql<MueRow>`
    select m.mue_value, m.adjudication, m.rationale, m.locator, d.id as document_id, d.title, d.release,
      to_char(d.effective_from, 'YYYY-MM-DD') as release_from,
      to_char(d.effective_to, 'YYYY-MM-DD') as release_to
    from mue_edits m join documents d on d.id = m.document_id
    where m.org_id = any(library_orgs(${s.orgId}))
      and m.document_id <> all((select shadowed_documents(${s.orgId}))::int[]) and m.code = ${s.code} and d.setting = ${s.setting}
      and ${documentInForce('d', s.dos)}
    order by d.effective_from desc nulls last, d.id desc`.execute(db);
  return rows;
}

export async function findRvuIndicators(db: Kysely<Database>, s: Scope): Promise<RvuRow[]> {
  const { rows } = await sql<RvuRow>`
    select r.status_code, r.global_days, r.multiple_procedure, r.bilateral_surgery,
      r.assistant_surgery, r.co_surgeons, r.team_surgery, r.locator,
      d.id as document_id, d.title, d.release
    from rvu_indicators r join documents d on d.id = r.document_id
    where r.org_id = any(library_orgs(${s.orgId}))
      and r.document_id <> all((select shadowed_documents(${s.orgId}))::int[]) and r.code = ${s.code} and (r.modifier is null or r.modifier = '')
      and ${documentInForce('d', s.dos)}
    order by d.effective_from desc nulls last, d.id desc`.execute(db);
  return rows;
}

export async function findAddOns(db: Kysely<Database>, s: Scope): Promise<AddOnRow[]> {
  const { rows } = await sql<AddOnRow>`
    select a.add_on_code, a.primary_code, a.locator, d.id as document_id, d.title, d.release
    from add_on_codes a join documents d on d.id = a.document_id
    where a.org_id = any(library_orgs(${s.orgId}))
      and a.document_id <> all((select shadowed_documents(${s.orgId}))::int[]) and (a.add_on_code = ${s.code} or a.primary_code = ${s.code})
      and ${documentInForce('d', s.dos)}
    order by a.add_on_code, a.primary_code`.execute(db);
  return rows;
}

export async function findCoverage(db: Kysely<Database>, s: Scope): Promise<CoverageRow[]> {
  const { rows } = await sql<CoverageRow>`
    select c.policy_id, c.icd10_code, c.locator, d.id as document_id, d.title, d.release
    from coverage_codes c join documents d on d.id = c.document_id
    where c.org_id = any(library_orgs(${s.orgId}))
      and c.document_id <> all((select shadowed_documents(${s.orgId}))::int[]) and c.procedure_code = ${s.code} and ${documentInForce('d', s.dos)}
    order by c.policy_id, c.icd10_code`.execute(db);
  return rows;
}

/**
 * Passages of in-force documents that mention the code, most specific first (named literally
 * before reached through a range, newer documents first), at most `MAX_CARD_PASSAGES`: a card
 * is read by a person, and thousands of passages would only bury the sources that matter.
 */
export const MAX_CARD_PASSAGES = 300;

export async function findPassages(db: Kysely<Database>, s: Scope): Promise<PassageRow[]> {
  const { rows } = await sql<PassageRow>`
    select p.id as passage_id, p.text, p.page, p.heading_path, p.start_offset,
      d.id as document_id, d.title, d.release, p.language
    from (
      select m.passage_id, bool_or(m.via = 'literal') as literal
      from code_mentions m where m.org_id = any(library_orgs(${s.orgId}))
      and m.document_id <> all((select shadowed_documents(${s.orgId}))::int[]) and m.code = ${s.code}
      group by m.passage_id
    ) hit
      join passages p on p.id = hit.passage_id
      join documents d on d.id = p.document_id
    where ${documentInForce('d', s.dos)} and (d.setting is null or d.setting = ${s.setting})
    order by hit.literal desc, d.effective_from desc nulls last, d.id desc, p.ordinal
    limit ${MAX_CARD_PASSAGES}`.execute(db);
  return rows;
}

/** Passages that name any of these modifiers ("modifier 59", "-XS"): where their definitions are. */
export async function findModifierPassages(
  db: Kysely<Database>,
  s: Scope,
  modifiers: readonly string[],
): Promise<PassageRow[]> {
  if (modifiers.length === 0) return [];
  const { rows } = await sql<PassageRow>`
    select p.id as passage_id, p.text, p.page, p.heading_path, p.start_offset,
      d.id as document_id, d.title, d.release, p.language
    from (
      select distinct m.passage_id from code_mentions m
      where m.org_id = any(library_orgs(${s.orgId}))
      and m.document_id <> all((select shadowed_documents(${s.orgId}))::int[]) and m.system = 'modifier' and m.code in (${sql.join(modifiers)})
    ) hit
      join passages p on p.id = hit.passage_id
      join documents d on d.id = p.document_id
    where ${documentInForce('d', s.dos)}
    order by d.effective_from desc nulls last, d.id desc, p.ordinal
    limit ${MAX_CARD_PASSAGES}`.execute(db);
  return rows;
}

/** A short fingerprint of the library's contents: changes whenever a document is added or removed. */
export async function libraryFingerprint(db: Kysely<Database>, orgId: string): Promise<string[]> {
  const { rows } = await sql<{ file_hash: string }>`
    select file_hash from documents where org_id = any(library_orgs(${orgId}))
      and id <> all((select shadowed_documents(${orgId}))::int[]) order by file_hash`.execute(db);
  return rows.map((r) => r.file_hash);
}

/**
 * The short descriptor (else the medium one) of each code, from the code tables in force on the
 * date: the other codes of a card's PTP and add-on tables. Codes no table describes are absent.
 */
export async function findShortDescriptors(
  db: Kysely<Database>,
  s: Scope,
  codes: readonly string[],
): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const { rows } = await sql<{ code: string; text: string }>`
    select distinct on (c.code) c.code, coalesce(c.short_description, c.medium_description) as text
    from code_descriptors c join documents d on d.id = c.document_id
    where c.org_id = any(library_orgs(${s.orgId}))
      and c.document_id <> all((select shadowed_documents(${s.orgId}))::int[])
      and c.code in (${sql.join([...new Set(codes)])})
      and coalesce(c.short_description, c.medium_description) is not null
      and ${documentInForce('d', s.dos)}
      and (c.effective_from is null or c.effective_from <= ${s.dos}::date)
      and (c.effective_to is null or c.effective_to >= ${s.dos}::date)
    order by c.code, d.effective_from desc nulls last, d.id desc`.execute(db);
  return new Map(rows.map((r) => [r.code, r.text]));
}

/** What a card's citations name: each cited document's kind, setting, release and start. */
export async function findCitedDocuments(
  db: Kysely<Database>,
  orgId: string,
  ids: readonly number[],
): Promise<CitedDocument[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<CitedDocument>`
    select d.id, d.kind, d.title, d.setting, d.release, d.file_name,
      to_char(d.effective_from, 'YYYY-MM-DD') as effective_from
    from documents d
    where d.org_id = any(library_orgs(${orgId})) and d.id in (${sql.join([...new Set(ids)])})`.execute(
    db,
  );
  return rows;
}
