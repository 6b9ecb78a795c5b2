import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CodecardError } from '../errors/codecard-error.ts';
import type { PartialDownload } from './partial-download.ts';

export interface DownloadLimits {
  /** Larger files are refused (the upload limits: a mirror file is imported like an upload). */
  maxBytes: number;
  /** No byte for this long ends the attempt (then resumed, like a dropped connection). */
  idleTimeoutMs: number;
  /** Attempts to resume after a dropped connection or a timeout before giving up. */
  maxResumes: number;
}

export type DownloadProgress = (received: number, total: number) => void;

/** What a download fetched: the bytes, and how many times it had to resume. */
export interface Downloaded {
  bytes: Buffer;
  resumes: number;
  /** The ETag (strong) or Last-Modified the file came with; null when the server gave none. */
  validator: string | null;
  /** The server said the file has not changed since `ifChangedSince`: no bytes. */
  notModified?: true;
}

export interface DownloadOptions {
  onProgress?: DownloadProgress;
  signal?: AbortSignal;
  /** Where the bytes so far are kept between runs; without it a new run starts from zero. */
  partial?: PartialDownload | null;
  /** The validator of the copy already held: a server that says 304 sends nothing. */
  ifChangedSince?: string | null;
}

const MAX_REDIRECTS = 5;

/**
 * Fetches a release file whole. Over http(s) a dropped connection or a stalled one is resumed
 * where it stopped with `Range` (and `If-Range` naming the validator the server gave, so a file
 * replaced meanwhile comes back whole as a 200 and the download restarts instead of splicing two
 * files); a server that answers 200 to a range starts over too. Redirects are followed (the
 * publishers' download links redirect). file:// reads a local copy.
 */
export async function download(
  url: string,
  limits: DownloadLimits,
  options: DownloadOptions = {},
): Promise<Downloaded> {
  const parsed = new URL(url);
  if (parsed.protocol === 'file:')
    return { bytes: await readLocal(url, limits), resumes: 0, validator: null };
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new CodecardError('DOWNLOAD_FAILED', {
      url,
      detail: `only http(s) and file URLs are fetched, not ${parsed.protocol}`,
    });
  return new HttpDownload(url, limits, options).run();
}

async function readLocal(url: string, limits: DownloadLimits): Promise<Buffer> {
  const path = fileURLToPath(url);
  const size = await stat(path).then(
    (info) => info.size,
    (error: NodeJS.ErrnoException) => {
      throw new CodecardError('DOWNLOAD_FAILED', { url, detail: `cannot read: ${error.code}` });
    },
  );
  if (size > limits.maxBytes)
    throw new CodecardError('FILE_TOO_LARGE', { file: url, size, limit: limits.maxBytes });
  return readFile(path);
}

/** A dropped or stalled connection: worth resuming. */
class Interrupted extends Error {}

class HttpDownload {
  private chunks: Buffer[] = [];
  private received = 0;
  private total = 0;
  /** ETag (strong) or Last-Modified of the file being assembled. */
  private validator: string | null = null;
  private resumes = 0;
  /** The bytes are being written to `partial` (the server gave a validator). */
  private keeping = false;

  private readonly onProgress: DownloadProgress;
  private readonly signal: AbortSignal | undefined;
  private readonly partial: PartialDownload | null;
  private readonly ifChangedSince: string | null;
  private notModified = false;

  constructor(
    private readonly url: string,
    private readonly limits: DownloadLimits,
    options: DownloadOptions,
  ) {
    this.onProgress = options.onProgress ?? (() => {});
    this.signal = options.signal;
    this.partial = options.partial ?? null;
    this.ifChangedSince = options.ifChangedSince ?? null;
  }

  async run(): Promise<Downloaded> {
    const saved = this.partial?.load();
    // A part as long as the file was killed before it was checked: fetch it again whole.
    if (saved && saved.total > 0 && saved.bytes.length >= saved.total) this.partial?.discard();
    else if (saved) {
      // An earlier run's bytes: the first request asks for the rest.
      this.chunks = [saved.bytes];
      this.received = saved.bytes.length;
      this.validator = saved.validator;
      this.total = saved.total;
      this.keeping = true;
    }
    for (;;) {
      this.signal?.throwIfAborted();
      try {
        await this.attempt();
        if (this.notModified)
          return {
            bytes: Buffer.alloc(0),
            resumes: this.resumes,
            validator: this.ifChangedSince,
            notModified: true,
          };
        this.partial?.discard();
        return {
          bytes: Buffer.concat(this.chunks, this.received),
          resumes: this.resumes,
          validator: this.validator,
        };
      } catch (error) {
        if (!(error instanceof Interrupted)) throw error;
        if (this.resumes >= this.limits.maxResumes)
          throw this.failed(`${error.message}; gave up after ${this.resumes} resumed attempts`);
        this.resumes++;
      }
    }
  }

  private restart(): void {
    this.chunks = [];
    this.received = 0;
    this.keeping = false;
    this.partial?.discard();
  }

  private async attempt(): Promise<void> {
    const response = await this.request(this.url, 0);
    const status = response.statusCode ?? 0;
    if (status === 304 && this.ifChangedSince && this.received === 0) {
      response.resume();
      this.notModified = true;
      return;
    }
    if (status === 206 && this.received > 0) {
      const start = /^bytes (\d+)-/.exec(response.headers['content-range'] ?? '')?.[1];
      // A range that does not start where we stopped cannot be spliced: start over.
      if (Number(start) !== this.received) {
        response.destroy();
        this.restart();
        this.validator = null;
        throw new Interrupted('the server resumed at the wrong byte');
      }
    } else if (status === 200) {
      // A fresh copy: a first request, or a server that ignored the range (or the file changed).
      this.restart();
      this.validator = validatorOf(response);
      this.total = Number(response.headers['content-length'] ?? 0);
      if (this.partial && this.validator) {
        this.partial.begin(this.validator, this.total);
        this.keeping = true;
      }
    } else {
      response.destroy();
      throw this.failed(`the server answered HTTP ${status}`);
    }
    if (this.total > this.limits.maxBytes) {
      response.destroy();
      throw new CodecardError('FILE_TOO_LARGE', {
        file: this.url,
        size: this.total,
        limit: this.limits.maxBytes,
      });
    }
    await this.readBody(response);
  }

  private readBody(response: IncomingMessage): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const stop = (error: Error) => {
        response.destroy();
        reject(error);
      };
      response.setTimeout(this.limits.idleTimeoutMs, () =>
        stop(new Interrupted(`no data for ${this.limits.idleTimeoutMs} ms`)),
      );
      response.on('data', (chunk: Buffer) => {
        if (this.received + chunk.length > this.limits.maxBytes) {
          stop(
            new CodecardError('FILE_TOO_LARGE', {
              file: this.url,
              size: this.received + chunk.length,
              limit: this.limits.maxBytes,
            }),
          );
          return;
        }
        this.chunks.push(chunk);
        this.received += chunk.length;
        if (this.keeping) this.partial?.append(chunk);
        this.onProgress(this.received, this.total);
      });
      response.on('error', () => {}); // 'close' below says what happened
      response.on('close', () => {
        if (response.complete && (this.total === 0 || this.received >= this.total)) resolve();
        else reject(new Interrupted(`the connection dropped after ${this.received} bytes`));
      });
    });
  }

  private request(url: string, redirects: number): Promise<IncomingMessage> {
    const headers: Record<string, string> = { 'user-agent': 'codecard-release-sync' };
    if (this.received > 0) {
      headers.range = `bytes=${this.received}-`;
      if (this.validator) headers['if-range'] = this.validator;
    } else if (this.ifChangedSince) {
      // An ETag is quoted; anything else is the Last-Modified date the server gave.
      if (this.ifChangedSince.startsWith('"')) headers['if-none-match'] = this.ifChangedSince;
      else headers['if-modified-since'] = this.ifChangedSince;
    }
    const get = url.startsWith('https:') ? httpsGet : httpGet;
    return new Promise<IncomingMessage>((resolve, reject) => {
      const request = get(url, { headers, ...(this.signal ? { signal: this.signal } : {}) });
      request.setTimeout(this.limits.idleTimeoutMs, () =>
        request.destroy(new Interrupted(`no answer for ${this.limits.idleTimeoutMs} ms`)),
      );
      request.on('error', (error) =>
        reject(
          error instanceof Interrupted || this.signal?.aborted
            ? error
            : isConnectionDrop(error)
              ? new Interrupted(error.message)
              : this.failed(error.message),
        ),
      );
      request.on('response', (response) => {
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (status >= 300 && status < 400 && location) {
          response.resume();
          if (redirects >= MAX_REDIRECTS) {
            reject(this.failed(`more than ${MAX_REDIRECTS} redirects`));
            return;
          }
          resolve(this.request(new URL(location, url).href, redirects + 1));
          return;
        }
        resolve(response);
      });
    });
  }

  private failed(detail: string): CodecardError {
    return new CodecardError('DOWNLOAD_FAILED', { url: this.url, detail });
  }
}

/** If-Range takes a strong ETag or a date; a weak ETag never matches, so it is not sent. */
function validatorOf(response: IncomingMessage): string | null {
  const etag = response.headers.etag;
  if (etag && !etag.startsWith('W/')) return etag;
  return response.headers['last-modified'] ?? null;
}

function isConnectionDrop(error: Error): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return (
    code === 'ECONNRESET' || code === 'EPIPE' || code === 'ETIMEDOUT' || code === 'ECONNREFUSED'
  );
}
