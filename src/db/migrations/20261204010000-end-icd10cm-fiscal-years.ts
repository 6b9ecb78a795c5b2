import { sql, type Kysely } from 'kysely';

/**
 * ICD-10-CM order files and Tabular Lists speak for their fiscal year only (October 1 to September 30): libraries
 * imported before this rule get the same end dates that imports now compute
 * (`recomputeDatasetPeriods`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update documents set effective_to = least(
      coalesce(effective_to, 'infinity'::date),
      make_date(
        extract(year from effective_from)::int
          + case when extract(month from effective_from) >= 10 then 1 else 0 end,
        9, 30))
    where kind in ('icd10cm-order', 'icd10cm-tabular') and effective_from is not null`.execute(db);
}
