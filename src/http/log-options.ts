import type { FastifyServerOptions } from 'fastify';

/**
 * Request logs say which route was called and how it ended, never what was asked: the query
 * string (code searches, dates, free text a user typed) and headers (cookies, keys) stay out, so
 * no patient data or secret reaches a log line.
 */
export function loggerOptions(
  level: string,
  stream?: NodeJS.WritableStream,
): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (request: { method: string; url: string }) => ({
        method: request.method,
        path: request.url.split('?')[0],
      }),
    },
  };
}
