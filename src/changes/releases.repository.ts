import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { diffableKinds, type Release } from './change-types.ts';

interface ReleaseRow {
  id: number;
  dataset_key: string;
  kind: string;
  title: string;
  setting: string | null;
  system: string | null;
  release: string | null;
  partial: boolean;
  effective_from: string | null;
  effective_to: string | null;
}

/**
 * Every release of the datasets a diff compares that the organization reads (its own and the
 * instance-wide reference data it has not turned off), oldest first.
 */
export async function findDiffableReleases(db: Db, orgId: string): Promise<Release[]> {
  const { rows } = await sql<ReleaseRow>`
    select id, dataset_key, kind, title, setting, system, release, partial, effective_from,
      effective_to
    from documents
    where org_id = any(library_orgs(${orgId}))
      and id <> all((select shadowed_documents(${orgId}))::int[])
      and kind in (${sql.join([...diffableKinds])})
    order by effective_from nulls first, id`.execute(db);
  return rows.map((row) => ({
    documentId: row.id,
    datasetKey: row.dataset_key,
    baseDataset: baseDatasetOf(row.dataset_key),
    kind: row.kind,
    title: row.title,
    setting: row.setting,
    system: row.system,
    release: row.release,
    partial: row.partial,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
  }));
}

/** `hcpcs:partial:<title>` -> `hcpcs`: an excerpt is compared with its complete dataset. */
function baseDatasetOf(datasetKey: string): string {
  const at = datasetKey.indexOf(':partial:');
  return at < 0 ? datasetKey : datasetKey.slice(0, at);
}
