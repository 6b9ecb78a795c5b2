import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'vitest';
import type { ImportJob } from '../../src/contracts/library.ts';
import { pseudoRandomBytes } from '../../src/library/parsers/test-fixtures.ts';
import { hostileCase } from './support/hostile-case.ts';
import { hostileFixture } from './support/hostile-fixture.ts';
import { scaled } from './support/hostile-settings.ts';
import { postMultipart, type UploadFile } from './support/streamed-upload.ts';

/**
 * 20 uploads of 512 MB at once (issue 15: multipart uploads were buffered whole). Each is refused
 * with TOO_MANY_UPLOADS (429, Retry-After) or accepted and spooled to disk: RSS stays under the
 * cap and /health/live answers throughout. The bodies are generated as they are sent.
 */
const UPLOADS = 20;

const fixture = hostileFixture();

/** `bytes` of noise (not a document: an accepted one fails at type sniffing, cheaply). */
function noiseFile(name: string, bytes: number, seed: number): UploadFile {
  const chunk = pseudoRandomBytes(1 << 20, seed);
  return {
    name,
    body: () =>
      Readable.from(
        (function* () {
          for (let sent = 0; sent < bytes; sent += chunk.length)
            yield sent + chunk.length > bytes ? chunk.subarray(0, bytes - sent) : chunk;
        })(),
      ),
  };
}

describe('parallel large uploads', () => {
  test(`${UPLOADS} parallel uploads of 512 MB`, async () => {
    const size = scaled(512_000_000, 8_000_000);
    await hostileCase(
      'uploads',
      fixture.server(),
      `${UPLOADS} parallel uploads of 512 MB`,
      async (c) => {
        if (size.note) c.note(size.note);
        const answers = await Promise.all(
          Array.from({ length: UPLOADS }, (_, i) =>
            postMultipart(`${c.server.baseUrl}/api/library/documents`, c.server.headers(), [
              noiseFile(`noise-${i}.bin`, size.value, i + 1),
            ]),
          ),
        );
        const byStatus = new Map<number, number>();
        for (const answer of answers)
          byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
        c.note(`answers: ${[...byStatus].map(([s, n]) => `${s || 'none'} ×${n}`).join(', ')}`);
        const accepted: ImportJob[] = [];
        for (const answer of answers) {
          if (answer.status === 202) {
            accepted.push(...(JSON.parse(answer.text) as { jobs: ImportJob[] }).jobs);
          } else if (answer.status === 429) {
            const code = (JSON.parse(answer.text) as { error?: { code: string } }).error?.code;
            c.check(code === 'TOO_MANY_UPLOADS', `a 429 with code ${code}, not TOO_MANY_UPLOADS`);
            c.check(answer.headers['retry-after'] !== undefined, 'a 429 without Retry-After');
          } else {
            c.check(
              false,
              `an upload got ${answer.status || 'no answer'}: ${answer.text.slice(0, 200)}`,
            );
          }
        }
        // Accepted noise must fail its import (it is no document) and leave the library alone.
        for (const job of accepted) {
          let current = job;
          const deadline = performance.now() + 300_000;
          while (['queued', 'running'].includes(current.status) && performance.now() < deadline) {
            await sleep(500);
            const answer = await c.server.request(`/api/library/imports/${job.id}`);
            if (answer.status !== 200) break;
            current = JSON.parse(answer.text) as ImportJob;
          }
          c.check(
            current.status === 'failed',
            `accepted upload ${job.fileName}: ${current.status}`,
          );
        }
        await c.expectLibraryUnchanged();
      },
    );
  });
});
