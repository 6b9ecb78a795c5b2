import { sql, type Kysely } from 'kysely';
import type { FeeLocality } from '../contracts/fees.ts';
import type { Database } from '../db/schema.ts';
import type { SourceColumns } from '../library/citations.ts';
import { documentInForce } from '../library/store/effective.repository.ts';

/** An RVU row's fee inputs as stored (decimal text), with its document for the citation. */
export interface RvuFeeRow extends SourceColumns {
  code: string;
  modifier: string | null;
  status_code: string | null;
  work_rvu: string | null;
  non_facility_pe_rvu: string | null;
  facility_pe_rvu: string | null;
  mp_rvu: string | null;
  non_facility_na: string | null;
  facility_na: string | null;
  conversion_factor: string | null;
  /** Every column as the file names it (rows imported before the fee columns existed). */
  columns: [string, string][] | null;
}

/** A locality's GPCI row; its naming columns as the fee contract names them. */
export interface GpciFeeRow extends SourceColumns, FeeLocality {
  work_gpci: string | null;
  pe_gpci: string | null;
  mp_gpci: string | null;
}

/** Whether the library holds a version of the dataset kind at all, and one in force on the date. */
export async function datasetPresence(
  db: Kysely<Database>,
  orgId: string,
  kind: 'mpfs-rvu' | 'gpci',
  dos: string,
): Promise<{ any: boolean; inForce: boolean }> {
  const { rows } = await sql<{ any: boolean; in_force: boolean }>`
    select count(*) > 0 as any, count(*) filter (where ${documentInForce('d', dos)}) > 0 as in_force
    from documents d
    where d.org_id = any(library_orgs(${orgId}))
      and d.id <> all((select shadowed_documents(${orgId}))::int[])
      and d.kind = ${kind} and d.rows_stored > 0`.execute(db);
  return { any: rows[0]?.any === true, inForce: rows[0]?.in_force === true };
}

/**
 * The code's row for the modifier (null: the row without one) in the newest RVU version in
 * force on the date; null when no version in force has it.
 */
export async function rvuRowInForce(
  db: Kysely<Database>,
  orgId: string,
  dos: string,
  code: string,
  modifier: string | null,
): Promise<RvuFeeRow | null> {
  const { rows } = await sql<RvuFeeRow>`
    select r.code, r.modifier, r.status_code, r.work_rvu, r.non_facility_pe_rvu, r.facility_pe_rvu,
      r.mp_rvu, r.non_facility_na, r.facility_na, r.conversion_factor, r.columns, r.locator,
      d.id as document_id, d.title, d.release
    from rvu_indicators r join documents d on d.id = r.document_id
    where r.org_id = any(library_orgs(${orgId}))
      and r.document_id <> all((select shadowed_documents(${orgId}))::int[])
      and r.code = ${code} and coalesce(r.modifier, '') = ${modifier ?? ''}
      and ${documentInForce('d', dos)}
    order by d.effective_from desc nulls last, d.id desc
    limit 1`.execute(db);
  return rows[0] ?? null;
}

/** The localities of the newest GPCI version in force on the date, in file order. */
export async function gpciLocalitiesInForce(
  db: Kysely<Database>,
  orgId: string,
  dos: string,
): Promise<GpciFeeRow[]> {
  const { rows } = await sql<GpciFeeRow>`
    with newest as (
      select d.id from documents d
      where d.org_id = any(library_orgs(${orgId}))
        and d.id <> all((select shadowed_documents(${orgId}))::int[])
        and d.kind = 'gpci' and d.rows_stored > 0 and ${documentInForce('d', dos)}
      order by d.effective_from desc nulls last, d.id desc
      limit 1
    )
    select g.mac, g.state, g.locality_number as "localityNumber",
      g.locality_name as "localityName", g.work_gpci, g.pe_gpci, g.mp_gpci,
      g.locator, d.id as document_id, d.title, d.release
    from gpci_localities g join documents d on d.id = g.document_id
    where g.document_id = (select id from newest) and g.org_id = any(library_orgs(${orgId}))
    order by nullif(substring(g.locator from '[0-9]+'), '')::int nulls last`.execute(db);
  return rows;
}
