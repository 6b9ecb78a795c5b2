import { gunzipSync, gzipSync } from 'node:zlib';
import type { Claim } from './claim-types.ts';

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

/** Claims packed for storage: `chunks[i]` holds claims `i * CLAIMS_PER_CHUNK + 1` onwards. */
export interface PackedClaims {
  count: number;
  chunks: string[];
}

/** Packs claims as they come, so that a whole file's claims are never objects at once. */
export class ClaimPacker {
  private pending: Claim[] = [];
  readonly packed: PackedClaims = { count: 0, chunks: [] };

  add(claim: Claim): void {
    this.pending.push(claim);
    this.packed.count++;
    if (this.pending.length === CLAIMS_PER_CHUNK) this.flush();
  }

  finish(): PackedClaims {
    if (this.pending.length > 0) this.flush();
    return this.packed;
  }

  private flush(): void {
    this.packed.chunks.push(packClaims(this.pending));
    this.pending = [];
  }
}

export function packAll(claims: readonly Claim[]): PackedClaims {
  const packer = new ClaimPacker();
  for (const claim of claims) packer.add(claim);
  return packer.finish();
}
