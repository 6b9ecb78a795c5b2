import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

type Encoding = 'br' | 'gzip';

/** What one shared object costs to send once: its tag and its compressed bodies. */
interface Prepared {
  etag: string;
  bodies: Map<Encoding, Promise<Buffer>>;
}

const compressors: Record<Encoding, (json: string) => Promise<Buffer>> = {
  // The level @fastify/compress uses for the other replies: a body made once could afford more,
  // but the first request for a card waits for it.
  br: (json) =>
    promisify(brotliCompress)(json, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: 4,
      },
    }),
  gzip: (json) => promisify(gzip)(json),
};

// Keyed by the object itself: an entry lives as long as whoever shares the object (the card
// cache) keeps it, and a changed library means a new object, so nothing here can go stale.
const prepared = new WeakMap<object, Prepared>();

/**
 * Sends an object that many requests share unchanged (a cached, frozen card) and serializes
 * and compresses it once: each later request sends the stored bytes instead of turning ~300 KB
 * into JSON and compressing it again, which was most of a cached card's cost under load. The
 * body comes from the route's own serializer, so the tests still hold it to the route's
 * contract. An ETag lets a browser revalidate (`no-cache`) and get a 304 without the body;
 * `private` because a card is one organization's.
 */
export async function sendSharedJson(
  request: FastifyRequest,
  reply: FastifyReply,
  value: object,
): Promise<FastifyReply> {
  // Our serializer compiler (response-serializer.ts) always returns a string.
  const serialize = () => reply.serialize(value) as string;
  let json: string | undefined;
  let entry = prepared.get(value);
  if (!entry) {
    json = serialize();
    const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
    entry = { etag, bodies: new Map() };
    prepared.set(value, entry);
  }
  reply
    .header('etag', entry.etag)
    .header('cache-control', 'private, no-cache')
    .header('vary', 'accept-encoding')
    .type('application/json; charset=utf-8');
  if (ifNoneMatch(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
  const encoding = preferredEncoding(request.headers['accept-encoding']);
  if (encoding === null) return reply.send(json ?? serialize());
  let body = entry.bodies.get(encoding);
  if (!body) {
    body = compressors[encoding](json ?? serialize());
    entry.bodies.set(encoding, body);
    body.catch(() => entry.bodies.delete(encoding)); // the next request tries again
  }
  return reply.header('content-encoding', encoding).send(await body);
}

function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

/** br, else gzip, among the encodings the client accepts (q=0 refuses one); null: neither. */
export function preferredEncoding(header: string | undefined): Encoding | null {
  const accepted = new Set<string>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((piece) => piece.trim());
    const q = params.find((param) => param.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return null;
}
