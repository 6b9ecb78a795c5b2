import { describe, expect, it } from 'vitest';
import type { FeeLocality } from '../contracts/fees.ts';
import { matchLocality } from './locality-match.ts';

// Rows in the layout of GPCI Addendum E (MAC, state, number, name as printed, marks included).
const row = (mac: string, state: string, localityNumber: string, localityName: string) => ({
  mac,
  state,
  localityNumber,
  localityName,
});
const rows: FeeLocality[] = [
  row('10112', 'AL', '00', 'ALABAMA'),
  row('02102', 'AK', '01', 'ALASKA*'),
  row('01112', 'CA', '05', 'SAN FRANCISCO-OAKLAND-BERKELEY (SAN FRANCISCO CNTY)'),
  row('01112', 'CA', '06', 'SAN FRANCISCO-OAKLAND-BERKELEY (ALAMEDA/CONTRA COSTA CNTY)'),
  row('01182', 'CA', '18', 'LOS ANGELES-LONG BEACH-ANAHEIM (LOS ANGELES CNTY)'),
  row('01112', 'CA', '75', 'REST OF CALIFORNIA'),
  row('13202', 'NY', '01', 'MANHATTAN'),
  row('13202', 'NY', '02', 'NYC SUBURBS/LONG I.'),
  row('13292', 'NY', '04', 'QUEENS'),
  row('13282', 'NY', '99', 'REST OF NEW YORK'),
];
const found = (text: string, mode?: 'argument' | 'question') => {
  const match = matchLocality(text, rows, mode);
  return match.kind === 'found' ? `${match.row.state} ${match.row.localityNumber}` : match.kind;
};
const candidates = (text: string) => {
  const match = matchLocality(text, rows);
  return match.kind === 'ambiguous'
    ? match.candidates.map((r) => `${r.state} ${r.localityNumber}`)
    : [];
};

describe('matchLocality', () => {
  it.each([
    ['Manhattan', 'NY 01'],
    ['manhattan', 'NY 01'],
    ['rest of California', 'CA 75'],
    ['Alabama', 'AL 00'],
    ['Alaska', 'AK 01'],
    ['NY 01', 'NY 01'],
    ['ny-04', 'NY 04'],
    ['13202 02', 'NY 02'],
    ['13202-01', 'NY 01'],
    ['AL', 'AL 00'],
    ['Los Angeles', 'CA 18'],
  ])('"%s" names %s', (text, expected) => {
    expect(found(text)).toBe(expected);
  });

  it('says which localities ambiguous words could mean', () => {
    expect(candidates('San Francisco')).toEqual(['CA 05', 'CA 06']);
    // "California" is only part of REST OF CALIFORNIA's name: every CA locality may be meant.
    expect(candidates('California')).toEqual(['CA 05', 'CA 06', 'CA 18', 'CA 75']);
    expect(candidates('NY')).toEqual(['NY 01', 'NY 02', 'NY 04', 'NY 99']);
  });

  it('finds nothing for places the file does not have', () => {
    expect(found('Atlantis')).toBe('unknown');
    expect(found('NY 42')).toBe('ambiguous'); // a state it has, a number it lacks: the state's rows
  });

  it('reads the place out of a question; lower-case state-like words are not states', () => {
    expect(found('fee for 64483 in Manhattan', 'question')).toBe('NY 01');
    expect(found('Medicare allowed amount 99213 Alabama', 'question')).toBe('AL 00');
    expect(found('what does 99213 pay in NY 04?', 'question')).toBe('NY 04');
    expect(found('fee for 99213 in al', 'question')).toBe('unknown');
    expect(found('fee for 99213 in AL', 'question')).toBe('AL 00');
  });
});
