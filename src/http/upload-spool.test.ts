import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { openTestLibrary, type TestLibrary } from '../../test/support/test-library.ts';
import { buildTestApp, testApiKey } from './test-app.ts';
import { multipart } from './test-multipart.ts';

const boundary = '----codecard-spool-test';
const MAX_FILE = 4096;
const MAX_REQUEST = 6144;
const sampleTable =
  'Code,Long Descriptor,Consumer Friendly Descriptor\n99991,SAMPLE spooled wording,SAMPLE spooled\n';

/** An upload whose file is sent in pieces the test controls, over a real connection. */
interface HeldUpload {
  request: ClientRequest;
  /** Sends the rest of the file and ends the body; resolves with the reply. */
  finish(rest: string): Promise<{ status: number; body: string }>;
}

describe('uploads are streamed to the blob directory', () => {
  let library: TestLibrary;
  let app: FastifyInstance;
  let spool: string;
  let origin: string;
  let librarianKey: string;

  beforeAll(async () => {
    library = await openTestLibrary();
    spool = await mkdtemp(join(tmpdir(), 'codecard-spool-test-'));
    app = await buildTestApp(library.ctx, {
      maxUploadBytes: MAX_FILE,
      uploads: { dir: join(spool, 'uploads'), maxRequestBytes: MAX_REQUEST },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    librarianKey = await testApiKey(library.ctx, 'librarian');
  });
  afterAll(async () => {
    await app.close();
    await library.opened.close();
    await rm(spool, { recursive: true, force: true });
  });
  afterEach(async () => {
    // Every test ends with nothing left in the spool.
    await expect.poll(() => spooled(), { timeout: 10_000 }).toEqual([]);
  });

  const spooled = () => readdir(join(spool, 'uploads'));

  /** A multipart body sent as the librarian holding the uploads open. */
  function asLibrarian(body: ReturnType<typeof multipart>) {
    return { ...body, headers: { ...body.headers, authorization: `Bearer ${librarianKey}` } };
  }

  /** Starts an upload of `fileName` with `first` as the file's first bytes, body left open. */
  function holdUpload(path: string, fileName: string, first: string): HeldUpload {
    const request = httpRequest(`${origin}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${librarianKey}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    });
    const reply = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request.on('response', (response: IncomingMessage) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
    });
    // A test that aborts the request on purpose never asks for the reply.
    reply.catch(() => {});
    request.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        `Content-Type: application/octet-stream\r\n\r\n${first}`,
    );
    return {
      request,
      finish: (rest) => {
        request.end(`${rest}\r\n--${boundary}--\r\n`);
        return reply;
      },
    };
  }

  /** Waits (for the server, not for a time) until `count` spool files hold some bytes. */
  async function spoolFilesWritten(count: number): Promise<string[]> {
    await expect
      .poll(
        async () => {
          const names = await spooled();
          const sizes = await Promise.all(names.map((n) => stat(join(spool, 'uploads', n))));
          return sizes.filter((s) => s.size > 0).length;
        },
        { timeout: 10_000 },
      )
      .toBe(count);
    return (await spooled()).map((name) => join(spool, 'uploads', name));
  }

  test('a file is written to disk (0600 in a 0700 directory) while it arrives, then imported and deleted', async () => {
    const held = holdUpload('/api/library/documents?wait=true', 'spooled.csv', sampleTable);
    const [file] = await spoolFilesWritten(1);
    expect((await stat(join(spool, 'uploads'))).mode & 0o777).toBe(0o700);
    expect((await stat(file!)).mode & 0o777).toBe(0o600);
    // Still arriving: a temporary name, so no reader (a job on any instance) sees it yet.
    expect(file).toMatch(/\.partial$/);
    const reply = await held.finish('');
    expect(reply.status).toBe(201);
    expect(JSON.parse(reply.body)).toMatchObject({
      jobs: [{ fileName: 'spooled.csv', status: 'done', result: { rowsStored: 1 } }],
    });
    expect(existsSync(file!)).toBe(false);
  });

  test('a file over the per-file limit is 413 FILE_TOO_LARGE naming the limit, nothing kept', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/library/documents',
      ...multipart([{ name: 'big.csv', content: Buffer.alloc(MAX_FILE + 1, 0x41) }]),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'FILE_TOO_LARGE' } });
    expect(response.json<{ error: { message: string } }>().error.message).toContain(
      `limit of ${MAX_FILE} bytes`,
    );
  });

  test('files over the per-request total are 413 UPLOAD_TOO_LARGE naming the limit, nothing kept', async () => {
    const part = Buffer.alloc(MAX_FILE - 1, 0x41);
    for (const url of ['/api/library/documents', '/api/checks/batch']) {
      const response = await app.inject({
        method: 'POST',
        url,
        ...multipart(
          [
            { name: 'one.csv', content: part },
            { name: 'two.csv', content: part },
          ],
          {},
          'file',
        ),
      });
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ error: { code: 'UPLOAD_TOO_LARGE' } });
      const message = response.json<{ error: { message: string } }>().error.message;
      expect(message).toContain(`limit of ${MAX_REQUEST} bytes`);
      expect(message).toContain('CODECARD_MAX_UPLOAD_TOTAL_MB');
    }
  });

  test('a client that aborts mid-upload leaves no spool file', async () => {
    const held = holdUpload('/api/library/documents', 'aborted.csv', 'Code,Long Descriptor\n');
    const [file] = await spoolFilesWritten(1);
    held.request.destroy();
    await expect.poll(() => existsSync(file!), { timeout: 10_000 }).toBe(false);
  });

  test('uploads over the per-user cap are 429 with Retry-After; other users and later uploads go on', async () => {
    const first = holdUpload('/api/checks/batch', 'a.ndjson', '{"id":"A",');
    const second = holdUpload('/api/library/documents', 'b.csv', 'Code,Long Descriptor\n');
    await spoolFilesWritten(2);

    const claim = '{"id":"C","dateOfService":"2026-03-02","lines":[{"code":"99213"}]}\n';
    const refused = await app.inject({
      method: 'POST',
      url: '/api/checks/batch',
      ...asLibrarian(multipart([{ name: 'c.ndjson', content: claim.repeat(2) }], {}, 'file')),
    });
    expect(refused.json()).toMatchObject({ error: { code: 'TOO_MANY_UPLOADS' } });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.json()).toMatchObject({ error: { code: 'TOO_MANY_UPLOADS' } });
    expect(refused.json<{ error: { message: string } }>().error.message).toContain(
      'CODECARD_MAX_CONCURRENT_UPLOADS',
    );

    // The cap is per user: the admin signing the test's other requests is not held up.
    const other = await app.inject({
      method: 'POST',
      url: '/api/checks/batch',
      ...multipart([{ name: 'other.ndjson', content: claim.repeat(2) }], {}, 'file'),
    });
    expect(other.statusCode).toBe(400); // Duplicate claim id: parsed from the spool, refused.
    expect(other.json<{ error: { message: string } }>().error.message).toContain(
      'other.ndjson: line 2: claim id "C" is already used at line 1',
    );

    const a = await first.finish(
      '"dateOfService":"2026-03-02","lines":[{"code":"99213"}]}\n{"id":"B","dateOfService":"2026-03-02","lines":[{"code":"99213"}]}\n',
    );
    expect(a.status).toBe(202);
    expect(JSON.parse(a.body)).toMatchObject({ fileName: 'a.ndjson', progress: { total: 2 } });
    expect((await second.finish('99992,SAMPLE second\n')).status).toBe(202);

    const later = await app.inject({
      method: 'POST',
      url: '/api/library/documents?wait=true',
      ...asLibrarian(
        multipart([{ name: 'later.csv', content: sampleTable.replace('99991', '99993') }]),
      ),
    });
    expect(later.statusCode).toBe(201);
  });
  test('a refused upload still being sent gets its answer, and the connection closes soon after', async () => {
    const first = holdUpload('/api/checks/batch', 'a.ndjson', '{"id":"A",');
    const second = holdUpload('/api/library/documents', 'b.csv', 'Code,Long Descriptor\n');
    await spoolFilesWritten(2);

    // A third upload that keeps sending after the refusal, as a client with a large file does:
    // an immediate close reset the connection under it (EPIPE) and the answer could be lost.
    const third = holdUpload('/api/library/documents', 'c.csv', 'Code,Long Descriptor\n');
    const errors: string[] = [];
    third.request.on('error', (error) => errors.push(String(error)));
    const status = await new Promise<number>((resolve) =>
      third.request.on('response', (response: IncomingMessage) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      }),
    );
    expect(status).toBe(429);
    const chunk = Buffer.alloc(64 * 1024, 'x');
    for (let i = 0; i < 8; i++) {
      third.request.write(chunk);
      await new Promise((wait) => setTimeout(wait, 20));
    }
    expect(errors).toEqual([]);
    // Then the server closes it (the body never ends): within its linger of a few seconds.
    const closed = new Promise<void>((done) => third.request.socket?.once('close', () => done()));
    await expect(
      Promise.race([
        closed.then(() => 'closed'),
        new Promise((r) => setTimeout(() => r('open'), 8_000)),
      ]),
    ).resolves.toBe('closed');

    expect(
      (await first.finish('"dateOfService":"2026-03-02","lines":[{"code":"99213"}]}\n')).status,
    ).toBe(202);
    expect((await second.finish('99994,SAMPLE second\n')).status).toBe(202);
  });

  test('leftovers of dead processes and of this one before it started are swept, nothing else', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'codecard-sweep-test-'));
    const uuid = '00000000-0000-4000-8000-000000000000';
    // No process has the largest pid Linux can hand out (pid_max is at most 2^22).
    const dead = join(dir, `2147483646-${uuid}.upload`);
    const live = join(dir, `${process.ppid}-${uuid}.upload`);
    const ownOld = join(dir, `${process.pid}-${uuid}.upload`);
    const foreign = join(dir, 'notes.txt');
    for (const path of [dead, live, ownOld, foreign]) await writeFile(path, 'x');
    const beforeStart = (Date.now() - process.uptime() * 1000 - 60_000) / 1000;
    await utimes(ownOld, beforeStart, beforeStart);
    await chmod(dir, 0o755);
    const started = await buildTestApp(library.ctx, { uploads: { dir } });
    try {
      expect((await readdir(dir)).sort()).toEqual(
        [`${process.ppid}-${uuid}.upload`, 'notes.txt'].sort(),
      );
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
    } finally {
      await started.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
