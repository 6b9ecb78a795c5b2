import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectCodeMentions, type CodeMention } from './code-mentions.ts';
import type { CodeSystem } from '../domain/code-system.ts';

const codes = (text: string) => detectCodeMentions(text).map((m) => `${m.system}:${m.code}`);

describe('detectCodeMentions: literal codes', () => {
  it.each([
    ['Report 62321 once per session.', ['cpt:62321']],
    ['CPT 62264, 77003 and 64483.', ['cpt:62264', 'cpt:77003', 'cpt:64483']],
    ['Codes 62321/62322 apply.', ['cpt:62321', 'cpt:62322']],
    ['(62321)', ['cpt:62321']],
    ['Category II 0001F and III 0213T and PLA 0001U.', ['cpt:0001F', 'cpt:0213T', 'cpt:0001U']],
    ['Vaccine admin 0001A and MAAA 0002M.', ['cpt:0001A', 'cpt:0002M']],
    ['J1040 is a drug code.', ['hcpcs:J1040']],
    ['Use G0101 or Q4101.', ['hcpcs:G0101', 'hcpcs:Q4101']],
    ['Low back pain M54.16 applies.', ['icd10cm:M54.16']],
    ['Fracture S72.001A and T36.0X1A.', ['icd10cm:S72.001A', 'icd10cm:T36.0X1A']],
    ['Written without the dot: M541 and S72001A.', ['icd10cm:M54.1', 'icd10cm:S72.001A']],
    ['COVID-19 is U07.1.', ['icd10cm:U07.1']],
    ['ICD-10 code I10 and category E11.', ['icd10cm:I10', 'icd10cm:E11']],
    ['Diagnoses E11.9, I10 and J45.', ['icd10cm:E11.9', 'icd10cm:I10', 'icd10cm:J45']],
    ['Report 62321.', ['cpt:62321']],
    ["The code's value 62321's", ['cpt:62321']],
  ])('%s', (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it('reports a dotless ICD code with the HCPCS shape as HCPCS only (write the dot for ICD)', () => {
    expect(codes('M5416')).toEqual(['hcpcs:M5416']);
    expect(codes('M54.16')).toEqual(['icd10cm:M54.16']);
  });

  it('gives exact spans', () => {
    const text = 'See 62321 and M54.16.';
    for (const mention of detectCodeMentions(text)) {
      expect(text.slice(mention.start, mention.end).replace('.', '')).toBe(
        mention.code.replace('.', ''),
      );
    }
  });
});

describe('detectCodeMentions: numbers that are not codes', () => {
  it.each([
    'The rule starts in 2026.',
    'Paid $10000 for the claim.',
    'Paid $ 12345 total.',
    'The rate is 12345.67 per unit.',
    'The rate is 12345,67 per unit.',
    'Call 1-800-633-4227 or (410) 786-3000.',
    'Call +1 410 786 3000.',
    'Mail to 7500 Security Boulevard, Baltimore, MD 21244-1850.',
    'Baltimore, MD 21244',
    'ZIP code 21244 only.',
    'zip: 12345',
    'A number 1234567 is longer.',
    'Reference 123456 and 1234.',
    'Change request CR 12345 and transmittal 12345.',
    'Ticket #12345 closed.',
    'Give 10000 units of heparin.',
    'It grew 12345% last year.',
    'Dated 2026-01-15 and 01/15/2026.',
    'See https://www.cms.gov/files/62321/doc.pdf for details.',
    'Mail 62321@example.org today.',
    'file_62321 and 62321_x',
    'Sections 1.2.3 and 12.5 apply.',
    'LCD L34816 and article A57829.',
    'Vertebral levels T10 to T12 and L4-L5.',
    'Vitamin B12 and HbA1c and H2O and H1N1 and T2DM.',
    'lowercase j1040 and m54.16 are not matched.',
    'The 62321x2 notation.',
    'Sequence 555-12345 is a number.',
  ])('%s', (text) => {
    expect(detectCodeMentions(text)).toEqual([]);
  });
});

describe('detectCodeMentions: modifiers', () => {
  it.each([
    ['Append modifier 59 when distinct.', ['modifier:59']],
    ['Use modifiers 59 and XS.', ['modifier:59', 'modifier:XS']],
    [
      'Modifiers 59, XE, XS, XP, or XU apply.',
      ['modifier:59', 'modifier:XE', 'modifier:XS', 'modifier:XP', 'modifier:XU'],
    ],
    ['Report with modifier LT.', ['modifier:LT']],
    ['Modifier -59 is misused.', ['modifier:59']],
    ['Modifier: 25', ['modifier:25']],
    ['Append the 25 modifier.', ['modifier:25']],
    ['Report 64483-XS for the second level.', ['cpt:64483', 'modifier:XS']],
    ['Report 62321-59-XS.', ['cpt:62321', 'modifier:59', 'modifier:XS']],
    ['J1040-JW for waste.', ['hcpcs:J1040', 'modifier:JW']],
    ['Add -XS when needed.', ['modifier:XS']],
    ['Use 59/XE when distinct.', ['modifier:59', 'modifier:XE']],
    ['Bilateral as LT/RT.', ['modifier:LT', 'modifier:RT']],
  ])('%s', (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it.each([
    'The modifier indicator is 1.',
    'Modifiers are listed below.',
    'A model 59 of the device.',
    'It was modified 59 times.',
    'Open 24/7 and 50/50 and 10/20.',
    'The OR/ER team.',
    'A non-US payer.',
    'The temperature was -59 degrees.',
  ])('no modifier in: %s', (text) => {
    expect(detectCodeMentions(text).filter((m) => m.system === 'modifier')).toEqual([]);
  });

  it('spans the modifier characters only', () => {
    const text = 'with modifier -XS and 62321-59';
    const spans = detectCodeMentions(text)
      .filter((m) => m.system === 'modifier')
      .map((m) => text.slice(m.start, m.end));
    expect(spans).toEqual(['XS', '59']);
  });
});

describe('detectCodeMentions: ranges', () => {
  const expand = (system: CodeSystem, from: string, to: string): string[] => {
    if (system !== 'cpt') return [from, to];
    const out: string[] = [];
    for (let n = Number(from); n <= Number(to); n++) out.push(String(n).padStart(5, '0'));
    return out;
  };

  it.each([
    '62321-62327',
    '62321–62327',
    '62321 through 62327',
    '62321 — 62327',
    '62321 thru 62327',
  ])('expands %s with expandRange', (range) => {
    const text = `Codes ${range} apply.`;
    const mentions = detectCodeMentions(text, expand);
    expect(mentions.map((m) => m.code)).toEqual([
      '62321',
      '62322',
      '62323',
      '62324',
      '62325',
      '62326',
      '62327',
    ]);
    for (const m of mentions) {
      expect(m.via).toBe('range');
      expect(text.slice(m.start, m.end)).toBe(range);
    }
  });

  it('gives the two endpoints without expandRange', () => {
    const text = 'Codes 62321-62327 apply.';
    expect(detectCodeMentions(text)).toEqual<CodeMention[]>([
      { system: 'cpt', code: '62321', start: 6, end: 11, via: 'literal' },
      { system: 'cpt', code: '62327', start: 12, end: 17, via: 'literal' },
    ]);
  });

  it('falls back to endpoints when expandRange knows none of the codes', () => {
    expect(codes('Codes 62321-62327.').length).toBe(2);
    expect(detectCodeMentions('Codes 62321-62327.', () => []).map((m) => m.via)).toEqual([
      'literal',
      'literal',
    ]);
  });

  it('handles HCPCS, Category III and ICD ranges', () => {
    expect(codes('J1000-J1099')).toEqual(['hcpcs:J1000', 'hcpcs:J1099']);
    expect(codes('0213T-0218T')).toEqual(['cpt:0213T', 'cpt:0218T']);
    expect(codes('M54.10-M54.18')).toEqual(['icd10cm:M54.10', 'icd10cm:M54.18']);
    expect(codes('ICD-10 categories E08-E13')).toEqual(['icd10cm:E08', 'icd10cm:E13']);
  });

  it('passes normalized endpoints to expandRange', () => {
    const calls: string[] = [];
    detectCodeMentions('Dx M54.10–M54.18 and J1000 through J1099', (system, from, to) => {
      calls.push(`${system}:${from}:${to}`);
      return [];
    });
    expect(calls).toEqual(['icd10cm:M54.10:M54.18', 'hcpcs:J1000:J1099']);
  });

  it('does not take a ZIP+4, a descending pair or mixed systems for a range', () => {
    expect(codes('MD 21244-1850')).toEqual([]);
    expect(codes('62327-62321')).toEqual(['cpt:62327', 'cpt:62321']);
    expect(codes('Codes 62321-J1040 listed')).toEqual(['cpt:62321']);
  });
});

describe('detectCodeMentions: properties', () => {
  const codeish = fc.constantFrom(
    '62321',
    '0213T',
    'J1040',
    'M54.16',
    'M5416',
    'I10',
    '-',
    '–',
    ' through ',
    'modifier ',
    '59',
    'XS',
    '/',
    '$',
    '.',
    ',',
    ' ',
    '\n',
    'ICD-10 ',
    'MD ',
    '#',
    '@',
    '://',
    'é',
    '中',
  );
  const text = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc
      .array(fc.oneof(codeish, fc.string({ maxLength: 4 })), { maxLength: 40 })
      .map((p) => p.join('')),
  );

  it('never throws; spans lie in the text; literal spans hold the code characters', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (input, withExpand) => {
        const mentions = detectCodeMentions(input, withExpand ? (_s, a, b) => [a, b] : undefined);
        for (const m of mentions) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeLessThanOrEqual(input.length);
          expect(m.start).toBeLessThan(m.end);
          if (m.via === 'literal') {
            const span = input.slice(m.start, m.end).replace(/[^A-Za-z0-9]/g, '');
            expect(span).toContain(m.code.replace(/[^A-Za-z0-9]/g, ''));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
