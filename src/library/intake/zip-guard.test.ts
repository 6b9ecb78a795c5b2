import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CodecardError } from '../../errors/codecard-error.ts';
import { makeDocx, makeLyingSizeDocx, makeZip, makeZipBombDocx } from '../parsers/test-fixtures.ts';
import { inspectZip, readZipDirectory } from './zip-guard.ts';

const EOCD_SIZE = 22;

async function zipError(bytes: Buffer): Promise<CodecardError> {
  try {
    await inspectZip(bytes, 'x.docx');
  } catch (error) {
    if (error instanceof CodecardError) return error;
    throw error;
  }
  throw new Error('the archive was accepted');
}

function withEndRecordCount(zip: Buffer, count: number): Buffer {
  const copy = Buffer.from(zip);
  copy.writeUInt16LE(count, copy.length - EOCD_SIZE + 8);
  copy.writeUInt16LE(count, copy.length - EOCD_SIZE + 10);
  return copy;
}

const twoEntries = () =>
  makeZip([
    { name: 'a.xml', data: '<a/>' },
    { name: 'b.xml', data: '<b/>' },
  ]);

describe('zip guard', () => {
  it('accepts a well-formed archive and lists its entries', async () => {
    const entries = await inspectZip(makeDocx(), 'a.docx');
    expect(entries.map((e) => e.name)).toContain('word/document.xml');
  });

  it.each([1, 3])(
    'refuses an end record that counts %i entries when the directory holds 2',
    async (count) => {
      const error = await zipError(withEndRecordCount(twoEntries(), count));
      expect(error.code).toBe('ZIP_LIMIT');
      expect(error.message).toBe(
        `x.docx: the end record counts ${count} entries but the central directory holds 2: entries are counted, never taken from headers, and an archive that miscounts them is refused (at most 5000 entries, limit maxZipEntries)`,
      );
    },
  );

  it('refuses two directory records that share one local entry (overlapping entries)', async () => {
    const zip = twoEntries();
    const eocd = zip.length - EOCD_SIZE;
    const dirOffset = zip.readUInt32LE(eocd + 16);
    // Point the second record at the first entry's data, as overlapping-entry bombs do.
    const second = dirOffset + 46 + 'a.xml'.length;
    zip.writeUInt32LE(0, second + 42);
    expect((await zipError(zip)).message).toMatch(/does not start where the previous one ends/);
  });

  it('refuses a local header that names another file than its directory record', async () => {
    const zip = twoEntries();
    zip.write('c', 30, 'latin1'); // first local name a.xml -> c.xml
    expect((await zipError(zip)).message).toMatch(/disagrees with its local header/);
  });

  it('refuses bytes that no entry accounts for', async () => {
    const zip = makeZip([{ name: 'a.xml', data: '<a/>' }]);
    const eocd = zip.length - EOCD_SIZE;
    const dirOffset = zip.readUInt32LE(eocd + 16);
    const padded = Buffer.concat([
      zip.subarray(0, dirOffset),
      Buffer.from('hidden'),
      zip.subarray(dirOffset),
    ]);
    padded.writeUInt32LE(dirOffset + 6, padded.length - EOCD_SIZE + 16);
    expect((await zipError(padded)).message).toMatch(/data that no entry accounts for/);
  });

  it('counts the real inflated size, whatever the headers declare', async () => {
    const error = await zipError(makeLyingSizeDocx());
    expect(error.message).toMatch(/"word\/media\/lies\.bin" does not inflate to its declared size/);
    // 20 MB of zeros declared as 100 bytes: stopped while inflating, not after.
    const lying = makeZip([{ name: 'zeros.bin', data: Buffer.alloc(20e6), declaredSize: 100 }]);
    expect((await zipError(lying)).message).toMatch(/inflates past it/);
  });

  it('refuses an entry whose declared expansion is a bomb before inflating it', () => {
    expect(() => readZipDirectory(makeZipBombDocx(), 'bomb.docx')).toThrow(
      /expands \d+x: refused as a zip bomb \(limit 200x\)/,
    );
  });

  it('refuses an entry that inflates to garbage', async () => {
    const body = deflateRawSync(Buffer.from('<a/>'));
    const zip = makeZip([{ name: 'a.xml', data: '<a/>' }]);
    const dataAt = 30 + 'a.xml'.length;
    zip.fill(0xff, dataAt, dataAt + body.length);
    expect((await zipError(zip)).message).toMatch(/does not inflate/);
  });
});
