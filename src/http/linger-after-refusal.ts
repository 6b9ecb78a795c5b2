import type { FastifyReply } from 'fastify';
import type { Socket } from 'node:net';

/** How long, and how many bytes, the rest of a refused body is read before the connection closes. */
const LINGER_MS = 2_000;
const LINGER_BYTES = 64 * 1024 * 1024;

/**
 * For a request refused before or while its body is read (too many uploads, over a size
 * limit): once the answer is sent, the rest of the body is read and dropped for a moment, and
 * only then is the connection closed (unless the body ends first and the connection can be
 * reused). Closing at once (`Connection: close`) reset the connection while the client was
 * still sending, and a client that met the reset first never read the answer: under load 10 of
 * 20 refused 512 MB uploads got EPIPE and no status.
 */
export function lingerAfterRefusal(reply: FastifyReply): void {
  const request = reply.request.raw;
  reply.raw.once('finish', () => {
    if (request.complete) return;
    // Injected requests (tests) have a stand-in socket that cannot be destroyed.
    const socket = request.socket as Partial<Socket> | undefined;
    let dropped = 0;
    const close = () => socket?.destroy?.();
    const timer = setTimeout(close, LINGER_MS);
    timer.unref();
    request.unpipe();
    request.on('data', (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped <= LINGER_BYTES) return;
      clearTimeout(timer);
      close();
    });
    request.once('end', () => clearTimeout(timer));
    request.resume();
  });
}
