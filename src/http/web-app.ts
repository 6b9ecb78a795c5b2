import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isLocaleCode, type LocaleCode } from '../domain/locale.ts';
import { t, textDirection } from '../i18n/translate.ts';
import { webDist } from '../web/web-build.ts';

export interface WebAppOptions {
  /** The built app's folder (default: web/dist). */
  dist?: string;
  /** A build of the app is under way (web-build.ts): pages say so while web/dist is missing. */
  building?: () => boolean;
}

/** Vite names files under assets/ by their content hash: a new build gets new names. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built web app beside the API: static files from web/dist, and index.html for any
 * other GET outside /api so deep links (/codes/cpt/62264) load the app. The build writes .br and
 * .gz beside each text asset, sent as they are (compression.ts does the rest). Hashed assets
 * are cached for a year; index.html is revalidated on every load (no-cache), so a new build is
 * picked up at once.
 * While web/dist is missing (a background build after web/src changed, web-build.ts) pages get
 * a small "being built" page that reloads itself. Its content security policy (frame-ancestors
 * from config) is set with the other security headers (security-headers.ts).
 */
export async function webAppRoutes(
  app: FastifyInstance,
  options: WebAppOptions = {},
): Promise<void> {
  const dist = options.dist ?? webDist;
  await app.register(fastifyStatic, {
    root: dist,
    // One route for every file (not a route per file found at start): a rebuilt web/dist is
    // served at once, and starting does not register hundreds of routes.
    wildcard: true,
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? IMMUTABLE : 'no-cache');
    },
  });
  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    reply
      .code(404)
      .send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url}` } });
  const sendApp = (request: FastifyRequest, reply: FastifyReply) => {
    if (existsSync(join(dist, 'index.html')))
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return options.building?.() ? sendBuilding(request, reply) : notFound(request, reply);
  };
  app.get('/', { schema: { hide: true } }, (request, reply) => sendApp(request, reply));
  // A missing file (/favicon.ico, an old build's /assets/x.js) is a 404, not the app's page.
  app.setNotFoundHandler((request, reply) =>
    request.method === 'GET' && !request.url.startsWith('/api/') && !isFilePath(request.url)
      ? sendApp(request, reply)
      : notFound(request, reply),
  );
}

/** A static file's kind of name; a code in a deep link (/codes/icd10cm/M54.16) is not one. */
const FILE_NAME = /\.(js|mjs|css|map|ico|png|svg|jpe?g|gif|webp|woff2?|ttf|json|txt|webmanifest)$/i;

function isFilePath(url: string): boolean {
  return FILE_NAME.test(url.split('?')[0]!);
}

/** 503 with a page in the caller's language that looks again every 3 seconds. */
function sendBuilding(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const locale = preferredLocale(request.headers['accept-language']);
  const text = t(locale, 'web.building');
  const page = `<!doctype html><html lang="${locale}" dir="${textDirection(locale)}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3"><title>Codecard</title></head><body><p>${text}</p></body></html>`;
  return reply
    .code(503)
    .header('retry-after', '3')
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(page);
}

function preferredLocale(header: string | undefined): LocaleCode {
  for (const part of (header ?? '').split(',')) {
    const language = part.trim().split(/[-;]/)[0]!.toLowerCase();
    if (isLocaleCode(language)) return language;
  }
  return 'en';
}
