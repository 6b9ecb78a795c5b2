import type { FastifyInstance } from 'fastify';
import type { EhrOrigins } from './ehr-origins.ts';

/**
 * CSP frame-ancestors per EHR: pages and /smart/* may also be framed by the origins the
 * organizations' EHR connections name (beside CODECARD_FRAME_ANCESTORS). A page is framed
 * before anyone has signed in (the session arrives with the launch), so the origins of every
 * connection on the instance are allowed; /api replies stay 'none', /health is left alone.
 */
export function registerEhrFrameAncestors(app: FastifyInstance, origins: EhrOrigins): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const csp = reply.getHeader('content-security-policy');
    if (typeof csp !== 'string' || !isPage(request.url)) return payload;
    const extra = await origins.list();
    if (extra.length === 0) return payload;
    reply.header(
      'content-security-policy',
      csp.replace(/frame-ancestors ([^;]*)/, (_, sources: string) => {
        const kept = sources.split(/\s+/).filter((s) => s !== "'none'");
        return `frame-ancestors ${[...new Set([...kept, ...extra])].join(' ')}`;
      }),
    );
    return payload;
  });
}

/** Not /api (never framed) and not the health probes (which must not touch the database). */
function isPage(url: string): boolean {
  return !/^\/(api|health)(\/|\?|$)/.test(url);
}
