import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Test support: a local server on 127.0.0.1 (port 0) that speaks the chat-completions API with
 * recorded replies, one per request in the order queued, and records every request it gets.
 * No model is reachable from the tests; this stands in for one.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (the raw text when it is not JSON). */
  body: unknown;
  raw: string;
}

export type CannedReply =
  /** A status and body; an object body is sent as JSON. */
  | { status?: number; body: string | object }
  /** Never answers (until the server closes): for timeouts. */
  | { hang: true };

export interface ChatServer {
  /** The API root, "http://127.0.0.1:PORT/v1". */
  baseUrl: string;
  /** "http://127.0.0.1:PORT". */
  origin: string;
  requests: RecordedRequest[];
  reply(canned: CannedReply): void;
  close(): Promise<void>;
}

/** A recorded chat-completions response body from fixtures/. */
export function fixture(name: string): object {
  const url = new URL(`./fixtures/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as object;
}

/**
 * Answers a request itself (from its parsed body) instead of the queue: a stand-in model that
 * reads the prompt. Replies queued with `reply` still go first.
 */
export type Responder = (body: unknown) => CannedReply;

export async function startChatServer(respond?: Responder): Promise<ChatServer> {
  const queue: CannedReply[] = [];
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // Kept as text: a test may send something that is not JSON.
      }
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        raw,
      });
      if (req.method !== 'POST' || !(req.url ?? '').endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
        return;
      }
      const canned = queue.shift() ?? respond?.(body);
      if (!canned) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('test server: no reply queued');
        return;
      }
      if ('hang' in canned) return;
      const text = typeof canned.body === 'string' ? canned.body : JSON.stringify(canned.body);
      res.writeHead(canned.status ?? 200, {
        'content-type': typeof canned.body === 'string' ? 'text/plain' : 'application/json',
      });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    baseUrl: `${origin}/v1`,
    origin,
    requests,
    reply: (canned) => queue.push(canned),
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Hanging requests hold their sockets open; close them so the server can stop.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
