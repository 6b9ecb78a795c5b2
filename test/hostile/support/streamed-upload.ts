import { createReadStream } from 'node:fs';
import { request } from 'node:http';
import { Readable } from 'node:stream';

/** A file part whose bytes come from a stream (a temp file or a generator): never one buffer. */
export interface UploadFile {
  name: string;
  body: () => Readable;
}

export interface UploadAnswer {
  /** 0 when no answer came (connection refused or reset before the status line). */
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** Bytes of the request body written before the answer or the end. */
  sent: number;
}

export const fileOnDisk = (name: string, path: string): UploadFile => ({
  name,
  body: () => createReadStream(path, { highWaterMark: 1 << 20 }),
});

export const fileFromBuffer = (name: string, bytes: Buffer | string): UploadFile => ({
  name,
  body: () => Readable.from([Buffer.from(bytes)]),
});

const boundary = '----codecard-hostile-boundary';

async function* multipartBody(
  files: UploadFile[],
  fields: Record<string, string>,
): AsyncGenerator<Buffer> {
  for (const [key, value] of Object.entries(fields)) {
    yield Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`,
    );
  }
  for (const file of files) {
    yield Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    );
    for await (const chunk of file.body()) yield chunk as Buffer;
    yield Buffer.from('\r\n');
  }
  yield Buffer.from(`--${boundary}--\r\n`);
}

/**
 * POSTs a multipart upload streamed chunk by chunk (chunked encoding), honouring back-pressure.
 * An early answer (a refusal before the body is sent) stops the sending.
 */
export function postMultipart(
  url: string,
  headers: Record<string, string>,
  files: UploadFile[],
  fields: Record<string, string> = {},
  timeoutMs = 900_000,
): Promise<UploadAnswer> {
  return new Promise((resolve) => {
    let sent = 0;
    let answered = false;
    const finish = (answer: Omit<UploadAnswer, 'sent'>) => {
      if (answered) return;
      answered = true;
      resolve({ ...answer, sent });
    };
    const req = request(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      timeout: timeoutMs,
    });
    req.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () =>
        finish({ status: response.statusCode ?? 0, headers: response.headers, text }),
      );
      response.on('error', () =>
        finish({ status: response.statusCode ?? 0, headers: response.headers, text }),
      );
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) => finish({ status: 0, headers: {}, text: String(error) }));
    void (async () => {
      try {
        for await (const chunk of multipartBody(files, fields)) {
          if (answered || req.destroyed) return;
          sent += chunk.length;
          if (!req.write(chunk)) {
            await new Promise<void>((drained) => {
              const go = () => {
                req.off('drain', go);
                req.off('close', go);
                drained();
              };
              req.on('drain', go);
              req.on('close', go);
            });
          }
        }
        req.end();
      } catch (error) {
        req.destroy(error as Error);
      }
    })();
  });
}
