import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { documentInForce } from '../library/store/effective.repository.ts';
import type { ReleaseDocument } from './code-releases.ts';

export interface DescriptorRow {
  system: string;
  code: string;
  long_description: string;
  medium_description: string | null;
  short_description: string | null;
  consumer_description: string | null;
  billable: boolean | null;
  row_from: string | null;
  row_to: string | null;
  locator: string;
  attributes: Record<string, string> | null;
  document_id: number;
  title: string;
  release: string | null;
  doc_from: string | null;
  doc_to: string | null;
  doc_kind: string;
  doc_system: string | null;
  partial: boolean;
  in_force: boolean;
}

/**
 * Every descriptor row for the candidate codes, newest version first, flagged with whether its
 * document version is in force on the date of service (the caller decides what to show).
 */
export async function findDescriptorRows(
  db: Kysely<Database>,
  orgId: string,
  candidates: readonly { system: string; code: string }[],
  dos: string,
): Promise<DescriptorRow[]> {
  if (candidates.length === 0) return [];
  const pairs = sql.join(candidates.map((c) => sql`(${c.system}, ${c.code})`));
  const { rows } = await sql<DescriptorRow>`
    select c.system, c.code, c.long_description, c.medium_description, c.short_description,
      c.consumer_description, c.billable, c.effective_from as row_from, c.effective_to as row_to,
      c.locator, c.attributes, d.id as document_id, d.title, d.release,
      d.effective_from as doc_from, d.effective_to as doc_to, d.kind as doc_kind,
      d.system as doc_system, d.partial, ${documentInForce('d', dos)} as in_force
    from code_descriptors c join documents d on d.id = c.document_id and d.org_id = c.org_id
    where c.org_id = any(library_orgs(${orgId}))
      and c.document_id <> all((select shadowed_documents(${orgId}))::int[]) and (c.system, c.code) in (${pairs})
    order by d.effective_from desc nulls last, d.id desc`.execute(db);
  return rows;
}

/** The document versions that can decide a code's validity (see `systemsDecidedBy`). */
export async function findReleaseDocuments(
  db: Kysely<Database>,
  orgId: string,
): Promise<ReleaseDocument[]> {
  const { rows } = await sql<ReleaseDocument>`
    select id, kind, system, partial, release, effective_from, effective_to from documents
    where org_id = any(library_orgs(${orgId}))
      and id <> all((select shadowed_documents(${orgId}))::int[]) and kind in ('hcpcs', 'icd10cm-order', 'code-table')`.execute(
    db,
  );
  return rows;
}

/** The billable codes under a header in one release (M54.5 -> M54.50, M54.51, M54.59). */
/** The billable codes under a header in one release, with the rows that list them. */
export async function findBillableUnder(
  db: Kysely<Database>,
  orgId: string,
  documentId: number,
  system: string,
  header: string,
): Promise<
  { code: string; locator: string; document_id: number; title: string; release: string | null }[]
> {
  const { rows } = await sql<{
    code: string;
    locator: string;
    document_id: number;
    title: string;
    release: string | null;
  }>`
    select distinct on (c.code) c.code, c.locator, d.id as document_id, d.title, d.release
    from code_descriptors c join documents d on d.id = c.document_id
    where c.org_id = any(library_orgs(${orgId}))
      and c.document_id <> all((select shadowed_documents(${orgId}))::int[]) and c.document_id = ${documentId} and c.system = ${system}
      and c.billable and starts_with(c.code, ${header}) and c.code <> ${header}
    order by c.code, c.locator`.execute(db);
  return rows;
}

export interface NoteRow {
  code: string;
  note_type: string;
  text: string;
  locator: string;
  document_id: number;
  title: string;
}

/** Instructional notes for a code and the categories above it (notes are inherited). */
export async function findNotes(
  db: Kysely<Database>,
  orgId: string,
  system: string,
  codes: readonly string[],
  dos: string,
): Promise<NoteRow[]> {
  if (codes.length === 0) return [];
  const { rows } = await sql<NoteRow>`
    select n.code, n.note_type, n.text, n.locator, d.id as document_id, d.title
    from code_notes n join documents d on d.id = n.document_id and d.org_id = n.org_id
    where n.org_id = any(library_orgs(${orgId}))
      and n.document_id <> all((select shadowed_documents(${orgId}))::int[]) and n.system = ${system} and n.code in (${sql.join(codes)})
      and ${documentInForce('d', dos)}
    order by length(n.code), n.code, n.note_type, n.locator`.execute(db);
  return rows;
}
