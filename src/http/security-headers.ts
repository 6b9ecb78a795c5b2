import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export interface SecurityHeaderOptions {
  /**
   * CSP frame-ancestors sources (CODECARD_FRAME_ANCESTORS): who may show the app in a frame.
   * Default 'self'.
   */
  frameAncestors?: string;
  /** The public address (CODECARD_PUBLIC_URL): HSTS is sent only when it is https. */
  publicUrl?: URL | null;
}

/**
 * Security headers on every reply, through helmet. Pages and static files get the web app's
 * CSP (no inline script; frame-ancestors from config, so an EHR can embed the app where the
 * organization allows it); JSON and downloads under /api get a policy that lets them do
 * nothing if opened as a document. The choice is made per request by URL, so a 404 and a
 * refused request get the same headers as the routes beside them.
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  options: SecurityHeaderOptions,
): Promise<void> {
  // global: false: the hook below applies helmet once per request with the policy for its URL.
  await app.register(helmet, { ...pageHeaders(options), global: false });
  app.addHook('onRequest', async (request, reply) => {
    reply.helmet(isApi(request.url) ? apiHeaders : undefined);
  });
}

function pageHeaders({
  frameAncestors = "'self'",
  publicUrl = null,
}: SecurityHeaderOptions): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      // Helmet's defaults add upgrade-insecure-requests, which breaks an http:// LAN install.
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        // React sets style attributes; no inline script is ever allowed.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        // pdf.js runs its worker from a blob URL.
        'worker-src': ["'self'", 'blob:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'frame-ancestors': frameAncestors.split(/\s+/),
      },
    },
    // X-Frame-Options knows only DENY and SAMEORIGIN, so it would refuse the EHR origins that
    // frame-ancestors allows; browsers that know frame-ancestors ignore it anyway.
    frameguard: false,
    referrerPolicy: { policy: 'same-origin' },
    // Over plain http a browser ignores HSTS, and pinning a LAN name to https would lock users
    // out of an install that has no certificate. Subdomains of the public host are not ours.
    hsts:
      publicUrl?.protocol === 'https:'
        ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: false }
        : false,
  };
}

/**
 * API replies are JSON or attachments, never pages: nothing may load from them, and no site may
 * frame them. The PDF the source viewer shows is fetched and drawn by pdf.js in the page, so
 * its reply needs no more than this either.
 */
const apiHeaders: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] },
  },
  // Agrees with frame-ancestors 'none', for browsers that only know this header.
  frameguard: { action: 'deny' },
};

function isApi(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}
