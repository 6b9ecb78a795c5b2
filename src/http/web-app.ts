import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { webDist } from '../web/web-build.ts';

/**
 * Serves the built web app beside the API: static files from web/dist, and index.html for any
 * other GET outside /api so deep links (/codes/cpt/62264) load the app. Its content security
 * policy (frame-ancestors from config) is set with the other security headers
 * (security-headers.ts).
 */
export async function webAppRoutes(app: FastifyInstance): Promise<void> {
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
