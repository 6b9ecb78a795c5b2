import { sql } from 'kysely';
import { keyIn, releaseRows, type DiffSpec } from './diff-query.repository.ts';

/**
 * NCCI PTP: a pair is its key; a release listing it twice (re-added after a deletion) is read
 * by its latest row. A deletion date the newer release sets (or moves) deletes the pair.
 */
export const ptpDiff: DiffSpec = {
  rows: (documentId, codes) => sql`
    select distinct on (column1, column2) column1 || '/' || column2 as k,
      array[column1, column2] as codes, locator, deletion_date, modifier_indicator
    from ptp_edits
    where ${releaseRows(documentId, codes)}
      and (${keyIn(sql.ref('column1'), codes)} or ${keyIn(sql.ref('column2'), codes)})
    order by column1, column2, effective_from desc nulls last, locator`,
  changes: sql`
    select 'deleted', 'deletionDate', j.o->>'deletion_date', j.n->>'deletion_date'
    where j.n->>'deletion_date' is not null
      and j.n->>'deletion_date' is distinct from j.o->>'deletion_date'
    union all
    select 'modifier-indicator-changed', 'modifierIndicator', j.o->>'modifier_indicator',
      j.n->>'modifier_indicator'
    where j.o->>'modifier_indicator' is distinct from j.n->>'modifier_indicator'`,
};

/** NCCI MUE: the value and the adjudication indicator of each code. */
export const mueDiff: DiffSpec = {
  rows: (documentId, codes) => sql`
    select distinct on (code) code as k, array[code] as codes, locator, mue_value, adjudication
    from mue_edits
    where ${releaseRows(documentId, codes)} and ${keyIn(sql.ref('code'), codes)}
    order by code, locator`,
  changes: sql`
    select 'mue-value-changed', 'mueValue', j.o->>'mue_value', j.n->>'mue_value'
    where j.o->>'mue_value' is distinct from j.n->>'mue_value'
    union all
    select 'adjudication-changed', 'adjudication', j.o->>'adjudication', j.n->>'adjudication'
    where j.o->>'adjudication' is distinct from j.n->>'adjudication'`,
};
