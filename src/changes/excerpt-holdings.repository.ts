import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/**
 * Which of the given excerpts hold which of the given codes, over every table a diff reads: an
 * excerpt speaks for the codes it holds and is silent on the rest.
 */
export async function findExcerptHoldings(
  db: Db,
  orgId: string,
  documentIds: readonly number[],
  codes: readonly string[],
): Promise<{ document_id: number; code: string }[]> {
  if (documentIds.length === 0 || codes.length === 0) return [];
  const ids = sql`${[...documentIds]}::int[]`;
  const wanted = sql`${[...codes]}::text[]`;
  // The organizations stated too: the (org_id, code) indexes find the codes' rows.
  const orgs = sql`org_id = any(library_orgs(${orgId}))`;
  const { rows } = await sql<{ document_id: number; code: string }>`
    select document_id, code from code_descriptors
    where ${orgs} and document_id = any(${ids}) and code = any(${wanted})
    union
    select document_id, column1 from ptp_edits
    where ${orgs} and document_id = any(${ids}) and column1 = any(${wanted})
    union
    select document_id, column2 from ptp_edits
    where ${orgs} and document_id = any(${ids}) and column2 = any(${wanted})
    union
    select document_id, code from mue_edits where ${orgs} and document_id = any(${ids}) and code = any(${wanted})
    union
    select document_id, code from rvu_indicators
    where ${orgs} and document_id = any(${ids}) and code = any(${wanted})`.execute(db);
  return rows;
}
