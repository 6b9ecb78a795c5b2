import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'vitest';
import type { ImportJob } from '../../src/contracts/library.ts';
import { generatePtpFile } from '../../bench/generate-ptp.ts';
import { jsonClaimWithRawUnits } from './support/claim-inputs.ts';
import { hostileCase } from './support/hostile-case.ts';
import { hostileFixture } from './support/hostile-fixture.ts';
import { hostileSettings, scaled } from './support/hostile-settings.ts';
import { importFiles } from './support/import-checks.ts';
import { fileOnDisk, postMultipart } from './support/streamed-upload.ts';

/**
 * The embedded database under a large import (issue 15: /health did not answer for 31 s): a
 * 2M-row PTP table is imported while /health/live and a card keep answering; then an import is
 * killed (SIGKILL) mid-way and the restarted server has the library exactly as before.
 */
const GROUP = 'pglite import';

const fixture = hostileFixture();

describe('a large import on PGlite', () => {
  test('2M PTP rows while health and a card keep answering', async () => {
    const rows = scaled(2_000_000, 50_000);
    const path = join(fixture.dir(), 'ccipra-v329r0-f1.txt');
    await generatePtpFile(path, { rows: rows.value });
    await hostileCase(
      GROUP,
      fixture.server(),
      '2M-row PTP import; card answers throughout',
      async (c) => {
        if (rows.note) c.note(rows.note);
        let importing = true;
        const cardTimes: number[] = [];
        const cardBad: string[] = [];
        const cards = (async () => {
          while (importing) {
            const started = performance.now();
            const card = await c.server.request('/api/cards/cpt/62323', { timeoutMs: 120_000 });
            cardTimes.push(performance.now() - started);
            if (card.status !== 200) cardBad.push(String(card.status));
            await sleep(1000);
          }
        })();
        const answer = await importFiles(c, [fileOnDisk('ccipra-v329r0-f1.txt', path)]);
        importing = false;
        await cards;
        const result = answer.jobs[0]?.result;
        c.check(answer.status === 201, `the import: ${answer.status} ${answer.text.slice(0, 200)}`);
        c.check(result?.rowsStored === rows.value, `rows stored: ${result?.rowsStored}`);
        const slowest = Math.max(0, ...cardTimes);
        c.note(
          `import ${result?.durationMs} ms; ${cardTimes.length} cards, slowest ${Math.round(slowest)} ms`,
        );
        c.check(
          slowest <= hostileSettings.cardLimitMs,
          `a card took ${Math.round(slowest)} ms during the import (limit ${hostileSettings.cardLimitMs})`,
        );
        c.check(cardBad.length === 0, `cards answered ${cardBad.join(', ')}`);

        // After the commit: a card reads only the releases; the first claim check loads the
        // new edits into memory, while /health/live (monitored throughout) keeps answering.
        const started = performance.now();
        const card = await c.server.request('/api/cards/cpt/62323', { timeoutMs: 120_000 });
        const cardMs = performance.now() - started;
        c.check(card.status === 200, `the card after the import: ${card.status}`);
        c.check(
          cardMs <= hostileSettings.cardLimitMs,
          `the first card after the import took ${Math.round(cardMs)} ms (limit ${hostileSettings.cardLimitMs})`,
        );
        const checkStarted = performance.now();
        const check = await c.server.request('/api/checks', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: jsonClaimWithRawUnits('1'),
          timeoutMs: 120_000,
        });
        c.check(check.status === 200, `the first check after the import: ${check.status}`);
        c.note(
          `after the import: card ${Math.round(cardMs)} ms, first check ${Math.round(performance.now() - checkStarted)} ms`,
        );
      },
    );
    await rm(path, { force: true });
  });

  test('SIGKILL during an import leaves the library exactly as it was', async () => {
    const rows = scaled(600_000, 50_000);
    const path = join(fixture.dir(), 'ccipra-v330r0-f1.txt');
    await generatePtpFile(path, { rows: rows.value, seed: 2 });
    await hostileCase(
      GROUP,
      fixture.server(),
      'SIGKILL during import, restart: library exactly old',
      async (c) => {
        if (rows.note) c.note(rows.note);
        const answer = await postMultipart(
          `${c.server.baseUrl}/api/library/documents`,
          c.server.headers(),
          [fileOnDisk('ccipra-v330r0-f1.txt', path)],
        );
        c.check(answer.status === 202, `the upload: ${answer.status} ${answer.text.slice(0, 200)}`);
        if (answer.status !== 202) return;
        const job = (JSON.parse(answer.text) as { jobs: ImportJob[] }).jobs[0]!;
        // Killed once rows are being stored (the import's transaction is open), or once the
        // server is too busy importing to answer a poll within 500 ms.
        let phase = '';
        const deadline = performance.now() + 300_000;
        while (performance.now() < deadline) {
          const poll = await c.server.request(`/api/library/imports/${job.id}`, { timeoutMs: 500 });
          if (poll.status === 0) {
            phase = `${phase} -> server busy (poll unanswered in 500 ms)`;
            break;
          }
          if (poll.status === 200) {
            const current = JSON.parse(poll.text) as ImportJob;
            phase = `${current.status} ${current.progress.phase} ${current.progress.done}/${current.progress.total}`;
            if (current.status !== 'queued' && current.status !== 'running') break;
            const { phase: step, done } = current.progress;
            if (['storing', 'indexing'].includes(step) && done > 0) break;
          }
          await sleep(50);
        }
        c.note(`killed at: ${phase}`);
        c.check(
          !phase.startsWith('done'),
          'the import finished before the kill: nothing was tested',
        );
        await c.server.kill('SIGKILL');
        await c.server.start();
        await c.expectLibraryUnchanged();
      },
      { monitor: false },
    );
    await rm(path, { force: true });
  });
});
