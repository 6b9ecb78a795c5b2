import { describe, expect, test } from 'vitest';
import { render } from './progress-bar.ts';

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
});
