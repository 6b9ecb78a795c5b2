import { describe, expect, test } from 'vitest';
import { reportWriter } from '../check/check-report.ts';
import { checkCsv } from '../../web/src/pages/check/check-csv.ts';
import { sampleResults } from '../../web/src/pages/check/sample-results.ts';

// Here rather than in web/: the web app imports only the contracts and the domain, never the
// server's report writer, yet its CSV export must stay what the batch download writes.
describe('the web app’s CSV export', () => {
  test('is byte for byte the server report for the same results', () => {
    const server = reportWriter('csv');
    const expected =
      server.head() + sampleResults.map((r) => server.item(r)).join('') + server.tail();
    expect(checkCsv(sampleResults)).toBe(expected);
  });
});
