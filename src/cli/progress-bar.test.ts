import { describe, expect, test } from 'vitest';
import { render, renderStream } from './progress-bar.ts';

describe('the import progress bar', () => {
  test('shows share, rows, rate and time left', () => {
    const line = render('ptp.txt', { phase: 'storing', done: 500_000, total: 2_000_000 }, 5);
    expect(line).toBe(
      'ptp.txt [######..................] 25% 500,000/2,000,000 rows 100,000 rows/s ETA 15s storing',
    );
  });

  test('without a total it counts rows only', () => {
    expect(render('doc.pdf', { phase: 'parsing', done: 0, total: 0 }, 1)).toBe(
      'doc.pdf parsing… 0 rows',
    );
  });

  test('counts claims, not rows, for a claim check', () => {
    expect(render('check', { phase: 'checking', done: 10_000, total: 40_000 }, 2, 'claims')).toBe(
      'check [######..................] 25% 10,000/40,000 claims 5,000 claims/s ETA 6s checking',
    );
  });

  test('a stream shows claims and, when the size is known, bytes read of the total', () => {
    const known = { done: 200_000, bytesRead: 50_000_000, totalBytes: 200_000_000 };
    expect(renderStream('check', known, 10, 'claims')).toBe(
      'check [######..................] 25% 50.0/200.0 MB 200,000 claims 20,000 claims/s ETA 30s',
    );
    const unknown = { done: 200_000, bytesRead: 50_000_000, totalBytes: undefined };
    expect(renderStream('check', unknown, 10, 'claims')).toBe(
      'check 200,000 claims 20,000 claims/s 50.0 MB read',
    );
  });
});
