import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { errorOf, expectOnlyCodecardErrors, mutate, mutations } from '../claim-test-helpers.ts';
import { parseX12Claims } from './x12-837.ts';

// Fixtures: made-up submitters, patients and NPIs (check-digit-valid test numbers), no real people.
const isa =
  'ISA*00*          *00*          *ZZ*TESTSUBMITTER  *ZZ*TESTRECEIVER   *240115*1200*^*00501*000000001*0*T*:~';

/** Wraps a transaction body in GS/ST ... SE/GE/IEA with a correct SE segment count. */
function x12(version: string, body: string[], newline = '\n'): string {
  const transaction = [`ST*837*0001*${version}`, ...body];
  const segments = [
    `GS*HC*TESTSUBMITTER*TESTRECEIVER*20240115*1200*1*X*${version}`,
    ...transaction,
    `SE*${transaction.length + 1}*0001`,
    'GE*1*1',
    'IEA*1*000000001',
  ];
  return `${isa}${newline}${segments.map((segment) => `${segment}~`).join(newline)}${newline}`;
}

const header = [
  'BHT*0019*00*0123*20240115*1200*CH',
  'NM1*41*2*TEST BILLING SERVICE*****46*TB0001',
  'PER*IC*TEST CONTACT*TE*5555550100',
  'NM1*40*2*TEST PAYER*****46*PAYER01',
];

const professional = x12('005010X222A1', [
  ...header,
  'HL*1**20*1',
  'NM1*85*2*EXAMPLE CLINIC*****XX*1234567893',
  'HL*2*1*22*0',
  'SBR*P*18*******CI',
  'NM1*IL*1*DOE*JANE****MI*TEST000001',
  'CLM*PCN001*150***11:B:1*Y*A*Y*Y',
  'HI*ABK:M5416*ABF:M545*ABF:G8929',
  'NM1*82*1*SAMPLE*ALEX****XX*1111111112',
  'LX*1',
  'SV1*HC:99213:25*100*UN*1***1:2',
  'DTP*472*D8*20240110',
  'LX*2',
  'SV1*HC:97110:GP:59*50*UN*2***3',
  'DTP*472*RD8*20240110-20240112',
  'NM1*82*1*EXAMPLE*SAM****XX*2222222220',
  'HL*3*1*22*0',
  'SBR*P*18*******CI',
  'NM1*IL*1*ROE*RICHARD****MI*TEST000002',
  'CLM*PCN002*80***11:B:1*Y*A*Y*Y',
  'HI*ABK:J069',
  'LX*1',
  'SV1*HC:99212*80*UN*1',
  'DTP*472*D8*20240201',
]);

const institutional = x12('005010X223A2', [
  ...header,
  'HL*1**20*1',
  'NM1*85*2*EXAMPLE HOSPITAL*****XX*1234567893',
  'HL*2*1*22*0',
  'SBR*P*18*******MB',
  'NM1*IL*1*DOE*JOHN****MI*TEST000003',
  'CLM*ICN001*500***13:A:1**A*Y*Y',
  'DTP*434*RD8*20240105-20240107',
  'CL1*1*1*01',
  'HI*ABK:I10',
  'HI*ABF:E119*ABF:Z7984',
  'HI*BBR:0DJ08ZZ:D8:20240105',
  'HI*BH:11:D8:20240101',
  'NM1*71*1*ATTENDING*PAT****XX*3333333338',
  'NM1*82*1*SAMPLE*ALEX****XX*1111111112',
  'LX*1',
  'SV2*0450*HC:99284:25*300*UN*1',
  'DTP*472*D8*20240106',
  'LX*2',
  'SV2*0300*HC:80053*100*UN*1',
  'LX*3',
  'SV2*0250**50*UN*3',
  'DTP*472*D8*20240106',
]);

describe('parseX12Claims', () => {
  test('the ISA fixture is the fixed 106 characters', () => {
    expect(isa).toHaveLength(106);
  });

  test('reads an 837P: SV1 lines, line dates (RD8 start), diagnosis pointers, rendering NPIs', () => {
    expect(parseX12Claims(professional, 'p.837')).toEqual([
      {
        id: 'PCN001',
        setting: 'practitioner',
        lines: [
          {
            code: '99213',
            modifiers: ['25'],
            units: 1,
            dateOfService: '2024-01-10',
            diagnoses: ['M54.16', 'M54.5'],
            provider: '1111111112',
            source: 'segment 17 (SV1)',
          },
          {
            code: '97110',
            modifiers: ['GP', '59'],
            units: 2,
            dateOfService: '2024-01-10',
            diagnoses: ['G89.29'],
            provider: '2222222220',
            source: 'segment 20 (SV1)',
          },
        ],
      },
      {
        id: 'PCN002',
        setting: 'practitioner',
        lines: [
          {
            code: '99212',
            modifiers: [],
            units: 1,
            dateOfService: '2024-02-01',
            diagnoses: ['J06.9'],
            provider: null,
            source: 'segment 29 (SV1)',
          },
        ],
      },
    ]);
  });

  test('reads an 837I: SV2 lines, statement date as default, ICD-10 qualifiers only', () => {
    const [claim] = parseX12Claims(institutional, 'i.837');
    expect(claim?.setting).toBe('hospital');
    expect(claim?.id).toBe('ICN001');
    // The revenue-code-only line (0250) has no CPT/HCPCS code to check and is left out.
    expect(claim?.lines).toEqual([
      {
        code: '99284',
        modifiers: ['25'],
        units: 1,
        dateOfService: '2024-01-06',
        diagnoses: ['I10', 'E11.9', 'Z79.84'],
        provider: '1111111112',
        source: 'segment 23 (SV2)',
      },
      {
        code: '80053',
        modifiers: [],
        units: 1,
        dateOfService: '2024-01-05',
        diagnoses: ['I10', 'E11.9', 'Z79.84'],
        provider: '1111111112',
        source: 'segment 26 (SV2)',
      },
    ]);
  });

  test('reads files with no line breaks, CRLF after terminators, and other delimiters', () => {
    expect(parseX12Claims(professional.replace(/\n/g, ''), 'p.837')).toHaveLength(2);
    expect(parseX12Claims(professional.replace(/\n/g, '\r\n'), 'p.837')).toHaveLength(2);
    const other = professional.replace(/\*/g, '|').replace(/:/g, '>').replace(/~/g, "'");
    expect(parseX12Claims(other, 'p.837')).toEqual(parseX12Claims(professional, 'p.837'));
  });

  const replace = (from: string, to: string): string => professional.replace(from, to);
  const segmentCount = (professional.match(/~/g) ?? []).length;

  test.each([
    ['no ISA', 'GS*HC*A~', /p\.837 segment 1: not an X12 file/],
    ['truncated ISA', isa.slice(0, 60), /p\.837 segment 1 \(ISA\): the ISA segment is truncated/],
    [
      'ISA not fixed width',
      replace('*TESTSUBMITTER  *', '*TESTSUBMITTER*'),
      /segment 1 \(ISA\): the ISA segment/,
    ],
    [
      'unknown segment structure',
      replace('LX*1~', 'lx 1 ~'),
      /segment 16: unknown segment structure/,
    ],
    [
      'SV1 before CLM',
      replace('CLM*PCN001*150***11:B:1*Y*A*Y*Y~', 'SV1*HC:99213*1*UN*1~'),
      /segment 13 \(SV1\): SV1 before CLM/,
    ],
    [
      'bad date',
      replace('D8*20240110', 'D8*20240231'),
      /segment 18 \(DTP\): "20240231" is not a real D8 date/,
    ],
    [
      'bad date format',
      replace('D8*20240110', 'DT*202401101200'),
      /segment 18 \(DTP\): date format "DT"/,
    ],
    [
      'bad RD8 end',
      replace('20240110-20240112', '20240110-2024011'),
      /segment 21 \(DTP\): "20240110-2024011" is not a real RD8 date/,
    ],
    [
      'missing IEA',
      professional.slice(0, professional.indexOf('IEA')),
      new RegExp(`segment ${segmentCount - 1} \\(GE\\): the file ends without an IEA`),
    ],
    ['SE count wrong', replace('SE*', 'SE*9'), /\(SE\): SE01 says "9\d+" segments/],
    [
      'unsupported version',
      professional.replace(/005010X222A1/g, '005010X224A2'),
      /segment 3 \(ST\): version "005010X224A2"/,
    ],
    ['not an 837', replace('ST*837', 'ST*835'), /segment 3 \(ST\): transaction set "835"/],
    [
      'ICD-9 diagnoses',
      replace('ABK:M5416', 'BK:7245'),
      /segment 14 \(HI\): HI01 is an ICD-9 diagnosis/,
    ],
    [
      'bad diagnosis',
      replace('ABK:M5416', 'ABK:5416'),
      /segment 14 \(HI\): diagnosis must be an ICD-10-CM code/,
    ],
    [
      'bad units',
      replace('*UN*2*', '*UN*0.5*'),
      /segment 20 \(SV1\): units must be a whole number/,
    ],
    [
      'missing units',
      replace('*UN*2***3', '*UN****3'),
      /segment 20 \(SV1\): units must be a whole number/,
    ],
    ['not HC', replace('HC:99213:25', 'WK:99213'), /segment 17 \(SV1\): SV101 qualifier "WK"/],
    [
      'pointer out of range',
      replace('***1:2', '***1:7'),
      /segment 17 \(SV1\): SV107 points to diagnosis 7 but the claim has 3/,
    ],
    [
      'no line date',
      replace('DTP*472*D8*20240201~\n', ''),
      /segment 29 \(SV1\): claim "PCN002": the service line has no DTP\*472 date/,
    ],
    [
      'duplicate claim id',
      replace('CLM*PCN002', 'CLM*PCN001'),
      /segment 26 \(CLM\): claim id "PCN001" is already used at segment 13/,
    ],
    [
      'SV2 in 837P',
      replace('SV1*HC:99212', 'SV2*0450*HC:99212'),
      /segment 29 \(SV2\): SV2 in an 837P/,
    ],
    ['segments after IEA', `${professional}NM1*85*2*X~`, /\(NM1\): segment after the IEA/],
    ['no claims', x12('005010X222A1', header), /p\.837: the 837 contains no CLM claims/],
  ])('%s is a PARSE_FAILED error naming the segment', (_name, text, message) => {
    const error = errorOf(() => parseX12Claims(text, 'p.837'));
    expect(error.code).toBe('PARSE_FAILED');
    expect(error.message).toMatch(message);
  });

  test('property: random text and mutations of valid 837s only ever throw CodecardError', () => {
    fc.assert(
      fc.property(fc.string(), (text) =>
        expectOnlyCodecardErrors(() => parseX12Claims(text, 'r.837')),
      ),
    );
    fc.assert(
      fc.property(fc.string(), (tail) =>
        expectOnlyCodecardErrors(() => parseX12Claims(isa + tail, 'r.837')),
      ),
    );
    for (const sample of [professional, institutional]) {
      fc.assert(
        fc.property(mutations, (edits) =>
          expectOnlyCodecardErrors(() => parseX12Claims(mutate(sample, edits), 'm.837')),
        ),
        { numRuns: 500 },
      );
    }
  });
});
