import { describe, expect, test } from 'vitest';
import type { ClaimResult } from '../rules/claim-checker.ts';
import { textReportWriter } from './check-text-report.ts';

const result: ClaimResult = {
  id: 'SAMPLE-1',
  findings: [
    {
      rule: 'ptp',
      severity: 'info',
      lines: [1, 2],
      codes: ['62264', '77003'],
      message: 'SAMPLE message',
      citations: [],
    },
  ],
  summary: { errors: 0, warnings: 0, infos: 1 },
};

describe('the text report', () => {
  test("prints a finding's lines as they are: 1-based, like JSON and CSV", () => {
    expect(textReportWriter.item(result)).toBe(
      'Claim SAMPLE-1: 0 errors, 0 warnings, 1 notes\n  INFO [ptp] line 1, 2: SAMPLE message\n',
    );
  });
});
