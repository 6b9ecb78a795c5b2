import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EhrOrigins } from './ehr-origins.ts';

/**
 * CORS for CDS Hooks (discovery and the services): an EHR's web client may call them from an
 * origin an organization's EHR connection names as a frame ancestor. Preflights are answered
 * (`Authorization, Content-Type`, GET/POST); other origins get no CORS headers, so browsers
 * block them.
 */
export function registerCdsHooksCors(app: FastifyInstance, origins: EhrOrigins): void {
  const allowed = async (request: FastifyRequest): Promise<string | null> => {
    const origin = request.headers.origin;
    if (origin === undefined) return null;
    return (await origins.list()).includes(origin) ? origin : null;
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
}

function isCdsHooks(url: string): boolean {
  return /^\/cds-services(\/|\?|$)/.test(url);
}
