import type { ClaimResult } from '../../../../src/contracts/checks.ts';

/** Checked claims for the CSV tests (sample wording written for them). */
export const sampleResults: ClaimResult[] = [
  {
    id: 'SAMPLE-02',
    summary: { errors: 1, warnings: 0, infos: 1 },
    findings: [
      {
        rule: 'ptp',
        severity: 'error',
        lines: [2],
        codes: ['62264', '77003'],
        message: '77003 is not reported with 62264 on the same date, unless a modifier applies.',
        fix: 'Add 59 or XS and document why; otherwise remove it.',
        citations: [
          { documentId: 6, title: 'sample-ccipra.txt', version: 'v32.0', locator: 'line 25' },
        ],
      },
      {
        rule: 'ptp',
        severity: 'info',
        lines: [1, 2],
        codes: ['62264', '77003'],
        modifiers: ['XS'],
        message: 'Modifier XS bypasses the edit: "distinct service".',
        citations: [
          { documentId: 6, title: 'sample-ccipra.txt', version: 'v32.0', locator: 'line 25' },
          { documentId: 9, title: 'Guide', version: null, locator: 'page 2', quote: 'x' },
        ],
      },
    ],
  },
  { id: 'CLEAN', summary: { errors: 0, warnings: 0, infos: 0 }, findings: [] },
];
