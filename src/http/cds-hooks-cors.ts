import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import { allEhrFrameAncestors } from '../ehr/ehr-connections.repository.ts';

const REFRESH_MS = 30_000;

/**
 * CORS for CDS Hooks (discovery and the services): an EHR's web client may call them from an
 * origin an organization's EHR connection names as a frame ancestor. Preflights are answered
 * (`Authorization, Content-Type`, GET/POST); other origins get no CORS headers, so browsers
 * block them. The origins are read from the database every 30 s at most (at once after this
 * instance saves a connection: the returned function).
 */
export function registerCdsHooksCors(app: FastifyInstance, db: Db): () => void {
  let cached: { origins: Set<string>; at: number } | null = null;
  const allowed = async (request: FastifyRequest): Promise<string | null> => {
    const origin = request.headers.origin;
    if (origin === undefined) return null;
    if (!cached || Date.now() - cached.at > REFRESH_MS) {
      const urls = await allEhrFrameAncestors(db);
      cached = { origins: new Set(urls.map((url) => new URL(url).origin)), at: Date.now() };
    }
    return cached.origins.has(origin) ? origin : null;
  };
  const allow = (reply: FastifyReply, origin: string) =>
    reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
  app.addHook('onSend', async (request, reply, payload) => {
    if (!isCdsHooks(request.url) || request.method === 'OPTIONS') return payload;
    const origin = await allowed(request);
    if (origin !== null) allow(reply, origin);
    return payload;
  });
  for (const url of ['/cds-services', '/cds-services/:id']) {
    app.options(url, { schema: { hide: true } }, async (request, reply) => {
      const origin = await allowed(request);
      if (origin !== null) {
        allow(reply, origin)
          .header('access-control-allow-methods', 'GET, POST, OPTIONS')
          .header('access-control-allow-headers', 'Authorization, Content-Type')
          .header('access-control-max-age', '600');
      }
      return reply.code(204).send();
    });
  }
  return () => {
    cached = null;
  };
}

function isCdsHooks(url: string): boolean {
  return /^\/cds-services(\/|\?|$)/.test(url);
}
