import { describe, expect, test } from 'vitest';
import { redactIdentifiers } from './redact-identifiers.ts';

describe('redactIdentifiers masks likely identifiers', () => {
  test.each([
    ['DOB 03/14/1962, can I bill 62264?', 'DOB [date], can I bill 62264?'],
    ['born 1962-03-14', 'born [date]'],
    ['DOB 3-14-62 pain M54.50', 'DOB [date] pain M54.50'],
    ['dob: 031462', 'dob: [date]'],
    ['date of birth 14.03.1962', 'date of birth [date]'],
    ['patient born on March 14, 1962', 'patient born on [date]'],
    ['seen 14 Mar 1962 for 99213', 'seen [date] for 99213'],
    ['visit on 3/14/62', 'visit on [date]'],
    // Every full date, the date of service too: only the stored copy is masked.
    ['62264 on 2026-03-02', '62264 on [date]'],
    ['62264 dos 03/02/2026', '62264 dos [date]'],
  ])('dates: %s', (text, expected) => {
    expect(redactIdentifiers(text)).toBe(expected);
  });

  test.each([
    ['MRN12345678 had 62264', 'MRN [id] had 62264'],
    ['MRN: 1234', 'MRN: [id]'],
    ['ACCT-998877 billed 99213', 'ACCT-[id] billed 99213'],
    ['account number 55-1234 for 99213', 'account number [id] for 99213'],
    ['patient id A12B45 needs 62264', 'patient id [id] needs 62264'],
    ['member ID XYZ123456789', 'member ID [id]'],
    ['chart #77881 62264', 'chart # [id] 62264'],
    ['record 12345678 and 62264', 'record [id] and 62264'],
    ['claim for pt 1234567890', 'claim for pt [id]'],
    ['id AB1234567', 'id [id]'],
    ['HICN 123456789A', 'HICN [id]'],
    ['MBI 1EG4-TE5-MK73 for G0101', 'MBI [id] for G0101'],
    ['beneficiary 1EG4TE5MK73', 'beneficiary [id]'],
  ])('record and account numbers: %s', (text, expected) => {
    expect(redactIdentifiers(text)).toBe(expected);
  });

  test.each([
    ['call 555-123-4567 about 99213', 'call [phone] about 99213'],
    ['(555) 123-4567', '[phone]'],
    ['555.123.4567', '[phone]'],
    ['+1 555 123 4567', '[phone]'],
    ['1-800-555-1212', '[phone]'],
    ['+44 20 7946 0958', '[phone]'],
    ['tel 555-1234', 'tel [phone]'],
  ])('phone numbers: %s', (text, expected) => {
    expect(redactIdentifiers(text)).toBe(expected);
  });

  test.each([
    ['email jane.doe+1962@example.org re 62264', 'email [email] re 62264'],
    ['J.Smith@hospital.co.uk', '[email]'],
  ])('email addresses: %s', (text, expected) => {
    expect(redactIdentifiers(text)).toBe(expected);
  });

  test.each([
    ['SSN 123-45-6789', 'SSN [ssn]'],
    ['ssn: 123456789', 'ssn: [ssn]'],
    ['pt 123 45 6789 had 62264', 'pt [ssn] had 62264'],
    ['123456789 for 99213', '[ssn] for 99213'],
  ])('SSN-like numbers: %s', (text, expected) => {
    expect(redactIdentifiers(text)).toBe(expected);
  });

  test('several identifiers in one question', () => {
    const text =
      'Jane, DOB 03/14/1962, MRN 12345678, 555-123-4567, jane@example.com, SSN 123-45-6789: can I bill 62264 with 77003-59?';
    expect(redactIdentifiers(text)).toBe(
      'Jane, DOB [date], MRN [id], [phone], [email], SSN [ssn]: can I bill 62264 with 77003-59?',
    );
  });

  test('masking masked text changes nothing', () => {
    const once = redactIdentifiers('DOB 1962-03-14 MRN12345678 555-123-4567 a@b.org 123-45-6789');
    expect(redactIdentifiers(once)).toBe(once);
  });
});

describe('redactIdentifiers leaves what coders type', () => {
  test.each([
    'Can I bill 62264 with 77003?',
    'Is 99213-25 with 20610 allowed?',
    'G0101 and Q0091 on the same day',
    'Is M54.50 billable?',
    'S72.001A with 27236',
    'modifier -59 or XU for 64483?',
    'modifiers 25-59-76 on 99214',
    'J1040 x 4 units',
    'MUE for 64483 is 1 unit per day, 2 units bilateral',
    'NCCI 32.2 and v32.3 edits',
    'ICD-10-CM FY2026, CPT 2026, Q1 2026, March 2026',
    'range 62321-62327 and 99202–99215',
    '0275T, 0001U and the PCS code 0SR9019',
    'E11.9 with Z79.4 for 82947',
    'NDC 00002-8215-01 and NDC 00002821501 for J1040',
    'RVU 1.23 and GPCI 1.000, conversion factor 32.3465',
    'charge $1,234.56 for 1/2 unit',
    'LT/RT with 50 for 64483',
    'account for 62264',
    'phone consultation 99441',
  ])('%s', (text) => {
    expect(redactIdentifiers(text)).toBe(text);
  });
});
