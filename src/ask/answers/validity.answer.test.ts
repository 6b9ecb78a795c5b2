import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../../db/database.ts';
import {
  orderLine,
  sampleOrderText,
  sampleTabularXml,
} from '../../library/formats/icd10cm-test-fixtures.ts';
import { sampleHcpcsTxt } from '../../library/formats/structured-test-fixtures.ts';
import { importFile } from '../../library/import.service.ts';
import { type LibraryContext } from '../../library/library-context.ts';
import { askQuestion } from '../ask.service.ts';
import { openTestLibrary } from '../../../test/support/test-library.ts';

/** A sample FY2026 order file (authored for tests): M54.5 becomes a header over three codes. */
const sampleOrder2026 = [
  orderLine(1, 'M54', '0', 'Dorsalgia'),
  orderLine(2, 'M545', '0', 'Low back pain'),
  orderLine(3, 'M5450', '1', 'Low back pain, unspecified'),
  orderLine(4, 'M5451', '1', 'Vertebrogenic low back pain'),
  orderLine(5, 'M5459', '1', 'Other low back pain'),
].join('\r\n');

describe('validity questions', () => {
  let opened: OpenDatabase;
  let ctx: LibraryContext;
  const ask = (question: string, threadId?: string) =>
    askQuestion(ctx, { question, ...(threadId ? { threadId } : {}) });

  beforeAll(async () => {
    ({ opened, ctx } = await openTestLibrary());
    const files: [string, string, BufferEncoding][] = [
      ['icd10cm_order_2021.txt', sampleOrderText, 'utf8'],
      ['icd10cm_order_2026.txt', sampleOrder2026, 'utf8'],
      ['icd10cm_tabular_2021.xml', sampleTabularXml, 'utf8'],
      ['HCPC2020_ANWEB_w_disclaimer.txt', sampleHcpcsTxt, 'latin1'],
    ];
    for (const [fileName, text, encoding] of files)
      await importFile(ctx, { fileName, bytes: Buffer.from(text, encoding) });
  });
  afterAll(async () => opened.close());

  test('a header on the date: not billable, with the billable codes under it, cited to its row', async () => {
    const { answer } = await ask('is M54.5 billable on 2026-03-15?');
    expect(answer).toMatchObject({ kind: 'validity', verdict: 'not-billable' });
    expect(answer.codes).toEqual(['M54.5', 'M54.50', 'M54.51', 'M54.59']);
    expect(answer.text).toContain(
      'M54.5 is a header in the FY2026 ICD-10-CM order file, not billable on 2026-03-15.',
    );
    expect(answer.citations[0]).toMatchObject({ locator: 'line 2' });
  });

  test('the same code on a FY2021 date is billable, in the question’s language', async () => {
    const { answer } = await ask('¿Es M54.5 facturable el 2021-03-15?');
    expect(answer).toMatchObject({ kind: 'validity', verdict: 'valid' });
    expect(answer.text).toContain('M54.5 es facturable el 2021-03-15');
  });

  test('follow-ups in a thread answer about the thread’s code', async () => {
    const first = await ask('M54.5 on 2026-03-15');
    const billable = await ask('is it billable?', first.threadId);
    expect(billable.answer).toMatchObject({ kind: 'validity', verdict: 'not-billable' });
    const instead = await ask('what should I use instead?', first.threadId);
    expect(instead.answer.text.split('\n')[0]).toBe(
      'Report the code under M54.5 that the record supports: M54.50, M54.51, M54.59.',
    );
  });

  test('an HCPCS code valid from its add date, before its release; a date with no ICD-10-CM release', async () => {
    expect((await ask('is J1040 valid on 2019-06-01')).answer).toMatchObject({
      kind: 'validity',
      verdict: 'valid',
    });
    const { answer } = await ask('is M54.16 billable on 2019-06-01?');
    expect(answer).toMatchObject({ kind: 'validity', verdict: 'cannot-tell' });
    expect(answer.text).toBe('The library holds no ICD-10-CM for 2019-06-01.');
  });

  test('a CPT code without a CPT table: the library cannot tell, and says which table it lacks', async () => {
    const { answer } = await ask('is 99999 valid on 2026-03-15?');
    expect(answer).toMatchObject({ kind: 'validity', verdict: 'cannot-tell' });
    expect(answer.text).toContain('CPT');
  });
});
