import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'vitest';
import { hostileCase, type CaseControl } from './support/hostile-case.ts';
import { noisyText, ptpRows, rowXml, workbookOf } from './support/hostile-workbooks.ts';
import { hostileFixture } from './support/hostile-fixture.ts';
import { scaled } from './support/hostile-settings.ts';
import { expectRefused, importFiles } from './support/import-checks.ts';
import { fileOnDisk } from './support/streamed-upload.ts';

/**
 * Large and hostile XLSX workbooks within the upload limits (issue 15): exceljs read the whole
 * book into its model on the main thread (a 600k-row sheet: 2.3 GiB). A large sheet must import
 * while /health/live answers within 1 s and RSS stays under the cap; a workbook whose shared
 * strings, single cell or sparse columns would need more than the limits is refused with
 * DOCUMENT_TOO_COMPLEX naming the limit, and the library is unchanged.
 */
const GROUP = 'xlsx';
const MB = 1_000_000;

const fixture = hostileFixture();

const run = (name: string, body: (c: CaseControl) => Promise<void>) =>
  hostileCase(GROUP, fixture.server(), name, body);

/** Writes the workbook to the scratch directory, imports it, removes it. */
async function importWorkbook(c: CaseControl, fileName: string, bytes: Buffer) {
  const path = join(fixture.dir(), fileName);
  await writeFile(path, bytes);
  c.note(`${fileName}: ${(bytes.length / MB).toFixed(1)} MB`);
  try {
    return await importFiles(c, [fileOnDisk(fileName, path)]);
  } finally {
    await rm(path, { force: true });
  }
}

describe('large and hostile XLSX workbooks', () => {
  test('a 600k-row PTP sheet imports while the server keeps answering', async () => {
    const rows = scaled(600_000, 20_000);
    await run('600k-row PTP XLSX', async (c) => {
      if (rows.note) c.note(rows.note);
      const answer = await importWorkbook(
        c,
        'ccipra-v329r0-f1.xlsx',
        workbookOf(ptpRows(rows.value)),
      );
      const result = answer.jobs[0]?.result;
      c.check(answer.status === 201, `the import: ${answer.status} ${answer.text.slice(0, 300)}`);
      c.check(result?.rowsStored === rows.value, `rows stored: ${result?.rowsStored}`);
      c.note(`import ${result?.durationMs} ms, ${result?.rowsStored} rows stored`);
    });
  });

  test('shared strings over the limit', async () => {
    // 9,000 distinct 10 KB strings: 90 MB of xl/sharedStrings.xml, each used once.
    const count = scaled(9_000, 7_000);
    const letters = noisyText(count.value * 10_000);
    const strings = Array.from({ length: count.value }, (_, i) =>
      letters.slice(i * 10_000, (i + 1) * 10_000),
    );
    function* rows() {
      yield rowXml(1, ['Code', 'Description']);
      for (let i = 0; i < count.value; i++) {
        yield `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>${62000 + i}</t></is></c><c r="B${i + 2}" t="s"><v>${i}</v></c></row>`;
      }
    }
    await run('shared strings over the limit', async (c) => {
      if (count.note) c.note(count.note);
      const answer = await importWorkbook(c, 'shared-strings.xlsx', workbookOf(rows(), strings));
      await expectRefused(c, answer, ['DOCUMENT_TOO_COMPLEX']);
    });
  });

  test('a single 100 MB cell', async () => {
    const size = scaled(100 * MB, 1 * MB);
    function* rows() {
      yield rowXml(1, ['Code', 'Description']);
      yield rowXml(2, ['62323', noisyText(size.value)]);
    }
    await run('a single 100 MB cell', async (c) => {
      if (size.note) c.note(size.note);
      const answer = await importWorkbook(c, 'huge-cell.xlsx', workbookOf(rows()));
      await expectRefused(c, answer, ['DOCUMENT_TOO_COMPLEX']);
    });
  });

  test('rows whose only cell is in the last column (XFD)', async () => {
    const count = scaled(2_000, 1_000);
    function* rows() {
      yield rowXml(1, ['Code', 'Description']);
      for (let i = 2; i <= count.value + 1; i++)
        yield `<row r="${i}"><c r="XFD${i}" t="inlineStr"><is><t>far</t></is></c></row>`;
    }
    await run('cells in column XFD', async (c) => {
      if (count.note) c.note(count.note);
      const answer = await importWorkbook(c, 'far-column.xlsx', workbookOf(rows()));
      await expectRefused(c, answer, ['DOCUMENT_TOO_COMPLEX']);
    });
  });

  test('12.1M cells: rows with a cell in column 1,000', async () => {
    // 1,000 cells per row once the blanks before column ALL are counted.
    const count = scaled(12_100, 12_100);
    function* rows() {
      yield rowXml(1, ['Code', 'Description']);
      for (let i = 2; i <= count.value + 1; i++)
        yield `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>${10_000 + i}</t></is></c><c r="ALL${i}" t="inlineStr"><is><t>far</t></is></c></row>`;
    }
    await run('12.1M cells', async (c) => {
      const path = join(fixture.dir(), 'many-cells.xlsx');
      await writeFile(path, workbookOf(rows()));
      // Named, so the import reads the whole sheet (detection reads only its first rows).
      const answer = await importFiles(c, [fileOnDisk('many-cells.xlsx', path)], {
        kind: 'code-table',
      });
      await rm(path, { force: true });
      await expectRefused(c, answer, ['DOCUMENT_TOO_COMPLEX']);
    });
  });
});
