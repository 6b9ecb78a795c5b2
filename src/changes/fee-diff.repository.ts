import { sql } from 'kysely';
import { keyIn, releaseRows, type DiffSpec } from './diff-query.repository.ts';

/**
 * MPFS RVU rows, keyed by code and modifier: every column of the row (RVUs, indicators,
 * conversion factor) compared by its header label. Rows imported before the columns were kept
 * are compared on their indicator columns.
 */
export const rvuDiff: DiffSpec = {
  rows: (documentId, codes) => sql`
    select distinct on (code, modifier) code || coalesce(' ' || modifier, '') as k,
      array[code] as codes, locator,
      coalesce(
        (select jsonb_object_agg(e->>0, e->>1) from jsonb_array_elements(columns) as e),
        jsonb_strip_nulls(jsonb_build_object(
          'status_code', status_code, 'global_days', global_days,
          'multiple_procedure', multiple_procedure, 'bilateral_surgery', bilateral_surgery,
          'assistant_surgery', assistant_surgery, 'co_surgeons', co_surgeons,
          'team_surgery', team_surgery))
      ) as cols
    from rvu_indicators
    where ${releaseRows(documentId, codes)} and ${keyIn(sql.ref('code'), codes)}
    order by code, modifier, locator`,
  changes: sql`
    select 'value-changed', f, j.o->'cols'->>f, j.n->'cols'->>f
    from (select jsonb_object_keys((j.o->'cols') || (j.n->'cols')) as f) as labels
    where j.o->'cols'->>f is distinct from j.n->'cols'->>f`,
};

/** GPCI localities, keyed by MAC and locality number: the three indices. */
export const gpciDiff: DiffSpec = {
  rows: (documentId, codes) => sql`
    select distinct on (mac, locality_number) mac || '/' || locality_number as k,
      '{}'::text[] as codes, locator, locality_name, work_gpci, pe_gpci, mp_gpci
    from gpci_localities
    where ${releaseRows(documentId, codes)} and ${codes === null ? sql`true` : sql`false`}
    order by mac, locality_number, locator`,
  changes: sql`
    select 'value-changed', f, j.o->>f, j.n->>f
    from unnest(array['work_gpci', 'pe_gpci', 'mp_gpci']) as f
    where j.o->>f is distinct from j.n->>f`,
};
