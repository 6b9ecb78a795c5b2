import type { Readable } from 'node:stream';

/**
 * A file or stream as a reply body. Download routes declare their content types for the OpenAPI
 * document, so the zod type provider expects the schema's type (a string); Fastify writes
 * buffers and streams as they are, never through the serializer, so the body passes untyped.
 */
export function downloadBody(body: Readable | Buffer): never {
  return body as never;
}
