import type { Db } from '../db/database.ts';
import type { EhrConnection } from '../contracts/ehr.ts';

export interface EhrConnectionRow extends EhrConnection {
  orgId: string;
}

function toConnection(row: {
  org_id: string;
  issuer: string;
  client_id: string;
  scopes: string;
  frame_ancestors: string[];
  cds_issuer: string | null;
  cds_jwks_url: string | null;
}): EhrConnectionRow {
  return {
    orgId: row.org_id,
    issuer: row.issuer,
    clientId: row.client_id,
    scopes: row.scopes,
    frameAncestors: row.frame_ancestors,
    ...(row.cds_issuer === null ? {} : { cdsIssuer: row.cds_issuer }),
    ...(row.cds_jwks_url === null ? {} : { cdsJwksUrl: row.cds_jwks_url }),
  };
}

const columns = [
  'org_id',
  'issuer',
  'client_id',
  'scopes',
  'frame_ancestors',
  'cds_issuer',
  'cds_jwks_url',
] as const;

export async function findEhrConnection(db: Db, orgId: string): Promise<EhrConnectionRow | null> {
  const row = await db
    .selectFrom('ehr_connections')
    .select(columns)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row ? toConnection(row) : null;
}

/** The connection whose issuer (FHIR base) is `issuer`: one organization at most (unique). */
export async function findEhrConnectionByIssuer(
  db: Db,
  issuer: string,
): Promise<EhrConnectionRow | null> {
  const row = await db
    .selectFrom('ehr_connections')
    .select(columns)
    .where('issuer', '=', issuer)
    .executeTakeFirst();
  return row ? toConnection(row) : null;
}

/** The connection whose CDS Hooks client signs its JWTs as `cdsIssuer` (unique). */
export async function findEhrConnectionByCdsIssuer(
  db: Db,
  cdsIssuer: string,
): Promise<EhrConnectionRow | null> {
  const row = await db
    .selectFrom('ehr_connections')
    .select(columns)
    .where('cds_issuer', '=', cdsIssuer)
    .executeTakeFirst();
  return row ? toConnection(row) : null;
}

/**
 * Saves the organization's connection; false when another organization has that issuer or that
 * CDS client issuer.
 */
export async function saveEhrConnection(
  db: Db,
  orgId: string,
  connection: EhrConnection,
  userId: string | null,
): Promise<boolean> {
  const other = await findEhrConnectionByIssuer(db, connection.issuer);
  if (other && other.orgId !== orgId) return false;
  if (connection.cdsIssuer !== undefined) {
    const client = await findEhrConnectionByCdsIssuer(db, connection.cdsIssuer);
    if (client && client.orgId !== orgId) return false;
  }
  const values = {
    issuer: connection.issuer,
    client_id: connection.clientId,
    scopes: connection.scopes,
    frame_ancestors: JSON.stringify(connection.frameAncestors),
    cds_issuer: connection.cdsIssuer ?? null,
    cds_jwks_url: connection.cdsJwksUrl ?? null,
    updated_at: new Date().toISOString(),
    updated_by: userId,
  };
  await db
    .insertInto('ehr_connections')
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
  return true;
}

/** Every origin any organization's EHR may frame Codecard from. */
export async function allEhrFrameAncestors(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('ehr_connections').select('frame_ancestors').execute();
  return [...new Set(rows.flatMap((row) => row.frame_ancestors))];
}
