import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { REFERENCE_ORG } from '../../domain/reference-org.ts';

export interface ReferenceDatasetRow {
  dataset_key: string;
  kind: string;
  titles: string[];
  documents: number;
  own_release: boolean;
  turned_off: boolean;
}

/** The reference datasets, and for one organization whether it uses each and why not. */
export async function referenceDatasets(
  db: Kysely<Database>,
  orgId: string,
): Promise<ReferenceDatasetRow[]> {
  const { rows } = await sql<ReferenceDatasetRow>`
    select r.dataset_key, min(r.kind) as kind, array_agg(r.title order by r.id) as titles,
      count(*)::int as documents,
      exists (select 1 from documents o
              where o.org_id = ${orgId} and o.dataset_key = r.dataset_key
                and not o.importing) as own_release,
      exists (select 1 from reference_opt_outs x
              where x.org_id = ${orgId} and x.dataset_key = r.dataset_key) as turned_off
    from documents r
    where r.org_id = ${REFERENCE_ORG} and not r.importing
    group by r.dataset_key
    order by r.dataset_key`.execute(db);
  return rows;
}

export async function turnOffReferenceDataset(
  db: Kysely<Database>,
  orgId: string,
  datasetKey: string,
): Promise<void> {
  await db
    .insertInto('reference_opt_outs')
    .values({ org_id: orgId, dataset_key: datasetKey })
    .onConflict((oc) => oc.columns(['org_id', 'dataset_key']).doNothing())
    .execute();
}

export async function turnOnReferenceDataset(
  db: Kysely<Database>,
  orgId: string,
  datasetKey: string,
): Promise<void> {
  await db
    .deleteFrom('reference_opt_outs')
    .where('org_id', '=', orgId)
    .where('dataset_key', '=', datasetKey)
    .execute();
}
