import { request } from 'node:http';
import { Readable } from 'node:stream';

/**
 * The load side of upload-memory.ts, in its own process so its buffers are not the server's:
 * `node --import tsx bench/upload-client.ts URL KEY COUNT MB` posts COUNT uploads of MB
 * megabytes each at once, generated on the fly (one 1 MB chunk reused), and prints one JSON
 * line: per upload its status, job id, bytes sent and seconds to the reply.
 */
const [url, key, countArg, mbArg] = process.argv.slice(2);
const count = Number(countArg);
const mb = Number(mbArg);
const boundary = '----codecard-bench';
const chunk = Buffer.alloc(1024 * 1024);
// An ELF header in a .pdf: the import refuses it at once, so the bench measures the upload.
chunk.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);

interface Outcome {
  status: number;
  jobId?: string;
  code?: string;
  retryAfter?: string;
  mbSent: number;
  seconds: number;
}

function upload(index: number): Promise<Outcome> {
  const started = performance.now();
  let sent = 0;
  let answered = false;
  const body = Readable.from(
    (function* () {
      yield Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="bench-${index}.pdf"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      );
      for (let i = 0; i < mb && !answered; i++) {
        sent += chunk.length;
        yield chunk;
      }
      yield Buffer.from(`\r\n--${boundary}--\r\n`);
    })(),
  );
  return new Promise((resolve) => {
    const req = request(url!, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    });
    req.on('response', (response) => {
      answered = true;
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (part: string) => (text += part));
      response.on('end', () => {
        const json = JSON.parse(text || '{}') as {
          jobs?: { id: string }[];
          error?: { code: string };
        };
        resolve({
          status: response.statusCode ?? 0,
          ...(json.jobs?.[0] ? { jobId: json.jobs[0].id } : {}),
          ...(json.error ? { code: json.error.code } : {}),
          ...(response.headers['retry-after']
            ? { retryAfter: String(response.headers['retry-after']) }
            : {}),
          mbSent: Math.round(sent / 1024 / 1024),
          seconds: (performance.now() - started) / 1000,
        });
        req.destroy();
      });
    });
    req.on('error', (error) => {
      if (!answered)
        resolve({
          status: 0,
          code: error.message,
          mbSent: 0,
          seconds: (performance.now() - started) / 1000,
        });
    });
    body.pipe(req);
  });
}

const outcomes = await Promise.all(Array.from({ length: count }, (_, i) => upload(i)));
process.stdout.write(`${JSON.stringify(outcomes)}\n`);
