import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** Downloads of claim results (CSV, NDJSON: 100,000s of lines) stream as they are. */
const UNCOMPRESSED = /^(text\/csv|application\/x-ndjson)\b/;

/**
 * Compresses the app (HTML, JavaScript, CSS) and JSON with br or gzip, whichever the client
 * takes, brotli at a fast level; fonts and images are compressed already, and CSV or NDJSON
 * downloads go as they are, so a large download costs the server no compression work.
 * Registered before any route, so every route gets it; bodies under 1 KB go as they are, and
 * files the build pre-compressed (web-app.ts) are sent as written.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  // Runs before the plugin's own onSend: its documented opt-out is this request header.
  app.addHook('onSend', async (request, reply, payload) => {
    if (UNCOMPRESSED.test(String(reply.getHeader('content-type') ?? '')))
      request.headers['x-no-compression'] = '1';
    return payload;
  });
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024 });
}
