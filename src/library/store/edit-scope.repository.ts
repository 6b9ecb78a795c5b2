import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { EditScope } from './edit-scope-tally.ts';

/** Records what a new NCCI release covers; a partial release's codes are listed. */
export async function insertEditScope(
  db: Kysely<Database> | Transaction<Database>,
  orgId: string,
  documentId: number,
  partial: boolean,
  scope: EditScope,
): Promise<void> {
  await db
    .insertInto('edit_scopes')
    .values({
      document_id: documentId,
      org_id: orgId,
      earliest_row_start: scope.earliestRowStart,
      first_code: scope.firstCode,
      last_code: scope.lastCode,
      codes: partial ? [...scope.codes] : null,
      slice_bounds: scope.sliceBounds(),
    })
    .execute();
}
