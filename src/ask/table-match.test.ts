import { describe, expect, it } from 'vitest';
import { contractorsNamed, matchLocalities } from './table-match.ts';

// Authored sample localities (not the CMS file's).
const rows = [
  { state: 'ZZ', locality_name: 'HARBOR CITY' },
  { state: 'ZZ', locality_name: 'REST OF SAMPLELAND*' },
  { state: 'ZZ', locality_name: 'NORTH HARBOR SUBURBS' },
  { state: 'QQ', locality_name: 'SAMPLE BAY-OAK (SAMPLE BAY/PINE CNTY)' },
  { state: 'QQ', locality_name: 'SAMPLE BAY-OAK (ELM CNTY)' },
  { state: 'QQ', locality_name: 'SAMPLE RIVER' },
  { state: 'IN', locality_name: 'INLAND' },
];
const names = (question: string) =>
  matchLocalities(question, rows).rows.map((r) => r.locality_name);

describe('matchLocalities', () => {
  it('matches the locality column, the most words first, ties kept', () => {
    expect(names('GPCI for Harbor City')).toEqual(['HARBOR CITY']);
    expect(names('GPCI for north harbor suburbs')).toEqual(['NORTH HARBOR SUBURBS']);
    expect(names('GPCI for Sample Bay')).toEqual([
      'SAMPLE BAY-OAK (SAMPLE BAY/PINE CNTY)',
      'SAMPLE BAY-OAK (ELM CNTY)',
    ]);
  });

  it('says when the best name has words the question lacks', () => {
    expect(matchLocalities('GPCI for Sampleland', rows)).toMatchObject({ partial: true });
    expect(matchLocalities('GPCI for Harbor City', rows)).toMatchObject({ partial: false });
  });

  it('takes a state code only in capitals, and its rows when no locality is named', () => {
    expect(names('GPCI for QQ')).toHaveLength(3);
    expect(names('GPCI in ZZ for harbor city')).toEqual(['HARBOR CITY']);
    // "in" is a word here, not the state IN.
    expect(names('what is the GPCI in the capital')).toEqual([]);
  });

  it('matches nothing when no locality word is in the question', () => {
    expect(names('GPCI for Manhattan')).toEqual([]);
  });
});

describe('contractorsNamed', () => {
  const contractors = [
    'Alpha Healthcare Solutions, LLC',
    'Beta Administrators, LLC',
    'National Sample Services, Inc.',
    'First Shore Service Options, Inc.',
    'Gamma Solutions, Inc.',
  ];
  it('reads a contractor by a word only its name has, or its initials', () => {
    expect(contractorsNamed('LCDs from Alpha for nerve blocks', contractors)).toEqual({
      names: ['Alpha Healthcare Solutions, LLC'],
      words: ['alpha'],
    });
    expect(contractorsNamed('NSS articles', contractors).names).toEqual([
      'National Sample Services, Inc.',
    ]);
    expect(contractorsNamed('First Shore LCDs', contractors).names).toEqual([
      'First Shore Service Options, Inc.',
    ]);
  });

  it('never takes generic company words for a contractor', () => {
    expect(contractorsNamed('solutions for healthcare services first', contractors).names).toEqual(
      [],
    );
  });
});
