import { describe, expect, test } from 'vitest';
import { initialBundle } from '../../src/web/initial-bundle.ts';

const BUDGET_GZIP_BYTES = 250 * 1024;

describe('the first load', () => {
  test('initial JavaScript stays within 250 KB gzip (pages and languages load on demand)', () => {
    const bundle = initialBundle();
    console.log(
      `initial JavaScript: ${(bundle.gzipBytes / 1024).toFixed(1)} KB gzip in ${bundle.files.length} files (${bundle.files.map((f) => f.file).join(', ')})`,
    );
    expect(bundle.files.length).toBeGreaterThan(0);
    expect(bundle.gzipBytes).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });
});
