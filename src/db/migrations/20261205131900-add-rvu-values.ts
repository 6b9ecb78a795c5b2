import { sql, type Kysely } from 'kysely';

/**
 * The numbers a Medicare fee is computed from, beside each RVU row's indicators (issue 19): the
 * work, practice expense (non-facility and facility) and malpractice RVUs, the NA indicators of
 * both settings, the PC/TC indicator and the conversion factor. Kept as the text of the decimal
 * the file prints ("0.48", "33.4009"), never a float, so the arithmetic starts from the published
 * digits. Rows imported before stay as they are (nulls): their `columns` still hold the values.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table rvu_indicators
      add column work_rvu text,
      add column non_facility_pe_rvu text,
      add column facility_pe_rvu text,
      add column mp_rvu text,
      add column non_facility_na text,
      add column facility_na text,
      add column pctc_indicator text,
      add column conversion_factor text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table rvu_indicators
      drop column conversion_factor,
      drop column pctc_indicator,
      drop column facility_na,
      drop column non_facility_na,
      drop column mp_rvu,
      drop column facility_pe_rvu,
      drop column non_facility_pe_rvu,
      drop column work_rvu`.execute(db);
}
