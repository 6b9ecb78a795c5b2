import type { JSONWebKeySet, JWK } from 'jose';
import { CodecardError } from '../errors/codecard-error.ts';
import { fetchJsonBounded } from './bounded-fetch.ts';

const CACHE_MS = 5 * 60_000;
/** A key-id miss reads the keys again at most this often per URL (JWTs with made-up key ids). */
const REFRESH_MIN_MS = 10_000;
const cache = new Map<string, { keys: JSONWebKeySet; at: number }>();
const refreshed = new Map<string, number>();

/**
 * The public keys (a JWKS) of an EHR's CDS Hooks client, read from the URL its connection names
 * (never from a JWT's `jku`), 5 s and 64 KB at most, and kept per URL for 5 minutes. `fresh`
 * reads again (when a JWT names a key id the cached set lacks: the EHR rotated its keys),
 * at most once per 10 s per URL.
 */
export async function cdsClientKeys(url: string, fresh = false): Promise<JSONWebKeySet> {
  const cached = cache.get(url);
  const now = Date.now();
  const refresh = fresh && now - (refreshed.get(url) ?? 0) >= REFRESH_MIN_MS;
  if (refresh) refreshed.set(url, now);
  if (!refresh && cached && now - cached.at < CACHE_MS) return cached.keys;
  const body = await fetchJsonBounded(new URL(url), {
    timeoutMs: 5_000,
    maxBytes: 64 * 1024,
    failure: 'CDS_CLIENT_REFUSED',
    label: 'the CDS client’s keys',
  });
  const keys = (body as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) {
    throw new CodecardError('CDS_CLIENT_REFUSED', { reason: 'the CDS client’s keys: no JWKS' });
  }
  const set: JSONWebKeySet = { keys: keys as JWK[] };
  cache.set(url, { keys: set, at: Date.now() });
  return set;
}
