import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Compresses responses (API JSON, HTML, JS, CSS; fonts and images are compressed already) with
 * br or gzip, whichever the client takes, brotli at a fast level. Registered before any route,
 * so every route gets it; bodies under 1 KB go as they are, and files the build pre-compressed
 * (web-app.ts) are sent as written.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024 });
}
