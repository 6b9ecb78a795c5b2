import { gunzipSync, gzipSync } from 'node:zlib';
import type { Claim } from '../claims/claim-types.ts';

/** Claims per stored chunk (~0.5 MB of JSON, a few tens of KB packed). */
export const CLAIMS_PER_CHUNK = 1_000;

/**
 * A chunk of claims as stored: NDJSON, gzip at the fastest level (parsed claims repeat their
 * field names, dates and sources on every line, so even that packs them about tenfold), base64
 * so that both engines' bulk paths carry it as text.
 */
export function packClaims(claims: readonly Claim[]): string {
  const ndjson = claims.map((claim) => JSON.stringify(claim)).join('\n');
  return gzipSync(ndjson, { level: 1 }).toString('base64');
}

export function unpackClaims(packed: string): Claim[] {
  const ndjson = gunzipSync(Buffer.from(packed, 'base64')).toString('utf8');
  return ndjson.split('\n').map((line) => JSON.parse(line) as Claim);
}
