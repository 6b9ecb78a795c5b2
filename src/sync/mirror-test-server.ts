import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the test server misbehaves for one path. */
export interface ServedFile {
  bytes: Buffer;
  /** Destroy the socket halfway through the body of the next N full (non-range) responses. */
  dropOnce?: boolean;
  /** Answer a range request with the whole file (200), as a server without range support. */
  ignoreRanges?: boolean;
  /** Send half the body, then nothing more (a stalled download). */
  stall?: boolean;
}

/**
 * A local HTTP mirror for the release sync tests (127.0.0.1, a free port): serves the files it
 * is given with a strong ETag, honours If-None-Match (304), Range and If-Range, and can drop a
 * connection mid-body once.
 * Every request's headers are kept so tests can see a download resume.
 */
export class MirrorTestServer {
  readonly requests: {
    path: string;
    headers: IncomingHttpHeaders;
    status: number;
    /** The connection has closed (the client went away, or the response ended). */
    closed: boolean;
  }[] = [];
  private readonly files = new Map<string, ServedFile>();
  private server: Server | null = null;
  private origin = '';

  serve(path: string, file: ServedFile | string): void {
    this.files.set(path, typeof file === 'string' ? { bytes: readFileSync(file) } : file);
  }

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      const file = this.files.get(path);
      const log = (status: number) => {
        const entry = { path, headers: request.headers, status, closed: false };
        this.requests.push(entry);
        response.on('close', () => (entry.closed = true));
      };
      if (!file) {
        log(404);
        response.writeHead(404).end();
        return;
      }
      const etag = `"${createHash('sha256').update(file.bytes).digest('hex').slice(0, 16)}"`;
      if (request.headers['if-none-match'] === etag) {
        log(304);
        response.writeHead(304, { etag }).end();
        return;
      }
      const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
      const ifRange = request.headers['if-range'];
      if (range && !file.ignoreRanges && (ifRange === undefined || ifRange === etag)) {
        const start = Number(range[1]);
        log(206);
        response.writeHead(206, {
          etag,
          'content-length': file.bytes.length - start,
          'content-range': `bytes ${start}-${file.bytes.length - 1}/${file.bytes.length}`,
        });
        response.end(file.bytes.subarray(start));
        return;
      }
      log(200);
      response.writeHead(200, {
        etag,
        'content-length': file.bytes.length,
        'accept-ranges': 'bytes',
      });
      if (file.stall) {
        response.write(file.bytes.subarray(0, Math.floor(file.bytes.length / 2)));
        return;
      }
      if (file.dropOnce) {
        file.dropOnce = false;
        // Half the body reaches the client, then the connection is gone.
        response.write(file.bytes.subarray(0, Math.floor(file.bytes.length / 2)), () =>
          setTimeout(() => request.socket.destroy(), 20),
        );
        return;
      }
      response.end(file.bytes);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
