import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { webDist } from '../web/web-build.ts';

/**
 * Serves the built web app beside the API: static files from web/dist, and index.html for any
 * other GET outside /api so deep links (/codes/cpt/62264) load the app. Every HTML page gets a
 * content security policy whose frame-ancestors come from config, so the app can sit in an
 * EHR's frame exactly where the organization allows it.
 */
export async function webAppRoutes(app: FastifyInstance, frameAncestors: string): Promise<void> {
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api/')) {
      reply.header('content-security-policy', policy);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'same-origin');
    }
    return payload;
  });
  if (!existsSync(join(webDist, 'index.html'))) return;
  await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  const sendApp = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html');
  app.get('/', { schema: { hide: true } }, (_request, reply) => sendApp(reply));
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && !request.url.startsWith('/api/')) return sendApp(reply);
    return reply
      .code(404)
      .send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url}` } });
  });
}
