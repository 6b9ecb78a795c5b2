import { describe, expect, it } from 'vitest';
import { CodecardError } from '../../errors/codecard-error.ts';
import { parseGpci } from './gpci.ts';
import { collect, factsOf, sampleGpciCsv, textFile } from './structured-test-fixtures.ts';

describe('parseGpci', () => {
  it('reads one fact per locality with its line, skipping titles and notices', async () => {
    const records = await collect(parseGpci(textFile('GPCI2031.csv', sampleGpciCsv), {}));
    expect(
      factsOf(records, 'gpci').map((f) => [
        f.mac,
        f.state,
        f.localityNumber,
        f.localityName,
        f.workGpci,
        f.peGpci,
        f.mpGpci,
        f.locator,
      ]),
    ).toEqual([
      ['90001', 'ZZ', '01', 'SAMPLE HARBOR CITY', '1.111', '1.222', '1.333', 'line 4'],
      ['90001', 'ZZ', '99', 'REST OF SAMPLE STATE*', '1.000', '0.944', '0.555', 'line 5'],
      ['90002', 'QQ', '00', 'NORTHERN SAMPLE, ISLANDS', '1.000', '1.050', '0.600', 'line 6'],
    ]);
    expect(factsOf(records, 'skip').some((s) => s.reason.startsWith('notice line'))).toBe(true);
  });

  it('attaches the footnotes a row or a GPCI column marks', async () => {
    const facts = factsOf(await collect(parseGpci(textFile('g.csv', sampleGpciCsv), {})), 'gpci');
    const floor = 'Note: a sample floor note, continued on the next line.';
    expect(facts[0]?.notes).toEqual([floor]);
    expect(facts[1]?.notes).toEqual(['Sample footnote for the rest of the state.', floor]);
  });

  it('dates the dataset by the calendar year of its title', async () => {
    const parsed = await parseGpci(textFile('g.csv', sampleGpciCsv), {});
    expect(parsed.meta.effectiveFrom).toBe('2031-01-01');
    expect(parsed.meta.release).toBe('CY2031');
    expect(parsed.meta.title).toMatch(/^ADDENDUM E\. SAMPLE CY 2031 GEOGRAPHIC/);
    const overridden = await parseGpci(textFile('g.csv', sampleGpciCsv), {
      effective: '2031-03-01',
    });
    expect(overridden.meta.effectiveFrom).toBe('2031-03-01');
  });

  it('takes a plain table with the same columns', async () => {
    const csv = 'State,Locality Name,Work GPCI,PE GPCI,MP GPCI\nZZ,SAMPLE TOWN,1.010,0.990,0.700\n';
    const facts = factsOf(await collect(parseGpci(textFile('gpci.csv', csv), {})), 'gpci');
    expect(facts.map((f) => [f.state, f.localityName, f.mpGpci, f.mac])).toEqual([
      ['ZZ', 'SAMPLE TOWN', '0.700', ''],
    ]);
  });

  it('refuses a table without GPCI columns', async () => {
    await expect(parseGpci(textFile('x.csv', 'State,Locality Name\nZZ,X\n'), {})).rejects.toThrow(
      CodecardError,
    );
  });
});
