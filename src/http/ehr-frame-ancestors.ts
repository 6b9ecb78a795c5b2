import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.ts';
import { allEhrFrameAncestors } from '../ehr/ehr-connections.repository.ts';

const REFRESH_MS = 30_000;

/**
 * CSP frame-ancestors per EHR: pages and /smart/* may also be framed by the origins the
 * organizations' EHR connections name (beside CODECARD_FRAME_ANCESTORS). A page is framed
 * before anyone has signed in (the session arrives with the launch), so the origins of every
 * connection on the instance are allowed; /api replies stay 'none', /health is left alone. Read from the database
 * every 30 s at most (at once after this instance saves a connection).
 */
export function registerEhrFrameAncestors(app: FastifyInstance, db: Db): () => void {
  let cached: { origins: string[]; at: number } | null = null;
  const origins = async (): Promise<string[]> => {
    if (!cached || Date.now() - cached.at > REFRESH_MS) {
      cached = { origins: await allEhrFrameAncestors(db), at: Date.now() };
    }
    return cached.origins;
  };
  app.addHook('onSend', async (request, reply, payload) => {
    const csp = reply.getHeader('content-security-policy');
    if (typeof csp !== 'string' || !isPage(request.url)) return payload;
    const extra = (await origins()).map((url) => new URL(url).origin);
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
  return () => {
    cached = null;
  };
}

/** Not /api (never framed) and not the health probes (which must not touch the database). */
function isPage(url: string): boolean {
  return !/^\/(api|health)(\/|\?|$)/.test(url);
}
