import { describe, expect, it } from 'vitest';
import { CodecardError } from '../../errors/codecard-error.ts';
import { contractorNames, parseMcdIndex } from './mcd-index.ts';
import { collect, factsOf, sampleMcdIndexCsv, textFile } from './structured-test-fixtures.ts';

describe('parseMcdIndex', () => {
  it('reads one fact per document with its contractors, dates and starting line', async () => {
    const records = await collect(parseMcdIndex(textFile('docs.csv', sampleMcdIndexCsv), {}));
    const facts = factsOf(records, 'mcd-document');
    expect(
      facts.map((f) => [f.displayId, f.documentType, f.contractors, f.effectiveDate, f.locator]),
    ).toEqual([
      ['L90001', 'LCD', ['Sample North Contractor, LLC'], '2022-06-19', 'line 2'],
      ['L90002', 'LCD', ['Sample South Services, Inc.'], '2023-11-23', 'line 4'],
      [
        'A90003',
        'Article',
        ['Sample South Services, Inc.', 'Sample North Contractor, LLC'],
        '2024-01-01',
        'line 6',
      ],
    ]);
    const article = facts[2]!;
    expect(article.retirementDate).toBe('2025-03-31');
    expect(article.note).toBe('Retired');
    expect(article.title).toBe('Billing and Coding: Sample Nerve Blocks for Pain');
    expect(article.url).toBe('https://example.test/article?id=90003');
    expect(article.contractorText).toBe(
      'Sample South Services, Inc.\n(DME MAC)\nSample North Contractor, LLC\n(DME MAC)',
    );
    expect(facts[0]?.retirementDate).toBeNull();
  });

  it('names the release by the newest update and dates nothing by itself', async () => {
    const parsed = await parseMcdIndex(textFile('docs.csv', sampleMcdIndexCsv), {});
    expect(parsed.meta.release).toBe('updated 2025-03-01');
    expect(parsed.meta.effectiveFrom).toBeUndefined();
  });

  it('skips rows without a document id', async () => {
    const csv = 'contractor,display_id,title\nX Co,,Sample\nX Co,L90009,Sample title\n';
    const records = await collect(parseMcdIndex(textFile('docs.csv', csv), {}));
    expect(factsOf(records, 'mcd-document').map((f) => f.displayId)).toEqual(['L90009']);
    expect(factsOf(records, 'skip')).toHaveLength(1);
  });

  it('splits contractor cells', () => {
    expect(contractorNames('A Co\n(MAC - Part A)\n\nB Co\n(DME MAC)')).toEqual(['A Co', 'B Co']);
  });

  it('refuses a table without the id, title and contractor columns', async () => {
    await expect(parseMcdIndex(textFile('x.csv', 'title,url\nA,b\n'), {})).rejects.toThrow(
      CodecardError,
    );
  });
});
