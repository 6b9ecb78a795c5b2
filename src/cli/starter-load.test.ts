import { describe, expect, test } from 'vitest';
import { StarterLibraryProgress } from '../library/starter-progress.ts';
import { openTestLibrary } from '../../test/support/test-library.ts';
import { loadStarterInBackground } from './starter-load.ts';

describe('the starter library loaded after the server listens', () => {
  test('prints its progress and ends done', async () => {
    const { opened, ctx } = await openTestLibrary();
    const progress = new StarterLibraryProgress();
    const lines: string[] = [];
    try {
      await loadStarterInBackground(
        ctx,
        progress,
        () => false,
        (line) => lines.push(line),
      );
    } finally {
      await opened.close();
    }
    const total = progress.status.total;
    expect(total).toBeGreaterThan(10);
    expect(progress.status).toEqual({ state: 'done', done: total, total });
    expect(lines[0]).toBe(`Starter library: 0/${total} documents…`);
    expect(lines).toContain(`Starter library: 3/${total} documents…`);
    expect(lines.at(-1)).toBe(`Loaded the starter library: ${total} documents.`);
  });

  test('a failure is reported, never thrown: the server goes on with what is in', async () => {
    const { opened, ctx } = await openTestLibrary();
    await opened.close();
    const progress = new StarterLibraryProgress();
    const lines: string[] = [];
    await loadStarterInBackground(
      ctx,
      progress,
      () => false,
      (line) => lines.push(line),
    );
    expect(progress.status.state).toBe('failed');
    expect(lines.at(-1)).toMatch(
      /^The starter library did not finish loading \(.+\); the next start goes on\.$/,
    );
  });
});
