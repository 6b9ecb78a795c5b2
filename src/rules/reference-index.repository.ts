import { sql } from 'kysely';
import type { PassageRow } from '../library/citations.ts';
import type { ReleaseDocument } from '../codes/code-releases.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { passageRowColumns } from '../library/store/passage-columns.repository.ts';

/** The reference index reads everything but the NCCI edit files (those are the edit index's). */
export interface ReferenceDocumentRow extends ReleaseDocument {
  title: string;
  setting: string | null;
}

export interface DescriptorRow {
  document_id: number;
  system: string;
  code: string;
  billable: boolean | null;
  effective_from: string | null;
  effective_to: string | null;
  locator: string;
}

export interface AddOnRow {
  document_id: number;
  add_on_code: string;
  primary_code: string;
  locator: string;
}

export interface RvuIndicatorRow {
  document_id: number;
  code: string;
  modifier: string | null;
  bilateral_surgery: string | null;
  multiple_procedure: string | null;
  locator: string;
}

export interface CoverageCodeRow {
  document_id: number;
  policy_id: string;
  procedure_code: string;
  icd10_code: string;
  locator: string;
}

export type PassageWithDocument = PassageRow & { document_id: number };

export async function findReferenceDocuments({
  db,
  orgId,
}: LibraryContext): Promise<ReferenceDocumentRow[]> {
  const { rows } = await sql<ReferenceDocumentRow>`
    select id, kind, system, partial, title, release, setting, effective_from, effective_to
    from documents
    where org_id = any(library_orgs(${orgId}))
      and id <> all((select shadowed_documents(${orgId}))::int[]) and kind not in ('ncci-ptp', 'ncci-mue') order by id`.execute(
    db,
  );
  return rows;
}

export async function findDescriptorRows({ db, orgId }: LibraryContext): Promise<DescriptorRow[]> {
  const { rows } = await sql<DescriptorRow>`
    select document_id, system, code, billable, effective_from, effective_to, locator
    from code_descriptors where org_id = any(library_orgs(${orgId}))
      and document_id <> all((select shadowed_documents(${orgId}))::int[])`.execute(db);
  return rows;
}

export async function findAddOnRows({ db, orgId }: LibraryContext): Promise<AddOnRow[]> {
  const { rows } = await sql<AddOnRow>`
    select document_id, add_on_code, primary_code, locator from add_on_codes
    where org_id = any(library_orgs(${orgId}))
      and document_id <> all((select shadowed_documents(${orgId}))::int[])`.execute(db);
  return rows;
}

export async function findRvuIndicatorRows({
  db,
  orgId,
}: LibraryContext): Promise<RvuIndicatorRow[]> {
  const { rows } = await sql<RvuIndicatorRow>`
    select document_id, code, modifier, bilateral_surgery, multiple_procedure, locator
    from rvu_indicators
    where org_id = any(library_orgs(${orgId}))
      and document_id <> all((select shadowed_documents(${orgId}))::int[])`.execute(db);
  return rows;
}

/** Coverage rows ordered so each (document, policy, procedure) group is contiguous. */
export async function findCoverageRows({ db, orgId }: LibraryContext): Promise<CoverageCodeRow[]> {
  const { rows } = await sql<CoverageCodeRow>`
    select document_id, policy_id, procedure_code, icd10_code, locator from coverage_codes
    where org_id = any(library_orgs(${orgId}))
      and document_id <> all((select shadowed_documents(${orgId}))::int[]) order by document_id, policy_id, procedure_code, locator`.execute(
    db,
  );
  return rows;
}

/** Modifiers named anywhere in the org's documents. */
export async function findMentionedModifiers({ db, orgId }: LibraryContext): Promise<string[]> {
  const { rows } = await sql<{ code: string }>`
    select distinct code from code_mentions where org_id = any(library_orgs(${orgId}))
      and document_id <> all((select shadowed_documents(${orgId}))::int[]) and system = 'modifier'`.execute(
    db,
  );
  return rows.map((row) => row.code);
}

/** Passages that name two or more modifiers, with the modifiers each names. */
export async function findModifierPassages({
  db,
  orgId,
}: LibraryContext): Promise<(PassageWithDocument & { modifiers: string[] })[]> {
  const { rows } = await sql<PassageWithDocument & { modifiers: string[] }>`
    select p.id as passage_id, p.text, p.page, p.heading_path, p.start_offset, p.language,
      d.id as document_id, d.title, d.release, hit.modifiers
    from (
      select passage_id, array_agg(distinct code) as modifiers from code_mentions
      where org_id = any(library_orgs(${orgId}))
      and document_id <> all((select shadowed_documents(${orgId}))::int[]) and system = 'modifier'
      group by passage_id having count(distinct code) > 1
    ) hit
      join passages p on p.id = hit.passage_id
      join documents d on d.id = p.document_id
    order by d.id, p.ordinal`.execute(db);
  return rows;
}

/** Passages that name a procedure code and match `cue` (a case-insensitive regex). */
export async function findProcedurePassagesMatching(
  ctx: LibraryContext,
  cue: string,
): Promise<PassageWithDocument[]> {
  const { rows } = await sql<PassageWithDocument>`
    select ${passageRowColumns}
    from passages p join documents d on d.id = p.document_id
    where p.org_id = any(library_orgs(${ctx.orgId}))
      and p.document_id <> all((select shadowed_documents(${ctx.orgId}))::int[]) and p.text ~* ${cue}
      and exists (select 1 from code_mentions m
                  where m.passage_id = p.id and m.system in ('cpt', 'hcpcs'))
    order by d.id, p.ordinal`.execute(ctx.db);
  return rows;
}
