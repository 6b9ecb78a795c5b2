import { sql } from 'kysely';
import { keyIn, releaseRows, type DiffSpec } from './diff-query.repository.ts';

/**
 * HCPCS attributes whose change matters to a biller: how the code is priced, covered, grouped
 * and processed. Sequence numbers, manual references and the action code itself (a per-release
 * note on what changed) are left out.
 */
export const hcpcsComparedAttributes = [
  'pricingIndicator',
  'multiplePricingIndicator',
  'coverageCode',
  'betos',
  'typeOfService',
  'ascGroup',
  'anesthesiaBaseUnits',
  'labCertification',
  'processingNote',
] as const;

/** Descriptors differing only in spacing (a TXT release's joined continuation lines) are equal. */
const descriptorRows =
  (systems: readonly string[]) => (documentId: number, codes: readonly string[] | null) => sql`
  select distinct on (code) code as k, array[code] as codes, locator, system,
    regexp_replace(btrim(long_description), '\\s+', ' ', 'g') as long_description,
    regexp_replace(btrim(coalesce(short_description, '')), '\\s+', ' ', 'g') as short_description,
    billable, effective_to, coalesce(attributes, '{}'::jsonb) as attributes
  from code_descriptors
  where ${releaseRows(documentId, codes)} and system = any(${[...systems]}::text[])
    and ${keyIn(sql.ref('code'), codes)}
  order by code, locator`;

const descriptorChanged = sql`
  select 'descriptor-changed', 'longDescription', j.o->>'long_description', j.n->>'long_description'
  where j.o->>'long_description' is distinct from j.n->>'long_description'`;

/** HCPCS Level II (procedure codes and modifiers): terminations, descriptors, attributes. */
export const hcpcsDiff: DiffSpec = {
  rows: descriptorRows(['hcpcs', 'modifier']),
  changes: sql`
    select 'terminated',
      case when j.n->>'effective_to' is not null then 'terminationDate' else 'actionCode' end,
      case when j.n->>'effective_to' is not null then j.o->>'effective_to' else j.o->'attributes'->>'actionCode' end,
      coalesce(j.n->>'effective_to', j.n->'attributes'->>'actionCode')
    where (j.n->>'effective_to' is not null and j.n->>'effective_to' is distinct from j.o->>'effective_to')
      or (j.n->'attributes'->>'actionCode' = 'D' and j.o->>'effective_to' is null
        and j.o->'attributes'->>'actionCode' is distinct from 'D')
    union all
    ${descriptorChanged}
    union all
    select 'descriptor-changed', 'shortDescription', j.o->>'short_description', j.n->>'short_description'
    where j.o->>'short_description' is distinct from j.n->>'short_description'
    union all
    select 'attribute-changed', f, j.o->'attributes'->>f, j.n->'attributes'->>f
    from unnest(${[...hcpcsComparedAttributes]}::text[]) as f
    where j.o->'attributes'->>f is distinct from j.n->'attributes'->>f`,
};

/** ICD-10-CM order files: billable and header flips, descriptors. */
export const icd10cmDiff: DiffSpec = {
  rows: descriptorRows(['icd10cm']),
  changes: sql`
    select 'billable-to-header', 'billable', 'billable', 'header'
    where (j.o->>'billable')::boolean and not (j.n->>'billable')::boolean
    union all
    select 'header-to-billable', 'billable', 'header', 'billable'
    where not (j.o->>'billable')::boolean and (j.n->>'billable')::boolean
    union all
    ${descriptorChanged}`,
};
