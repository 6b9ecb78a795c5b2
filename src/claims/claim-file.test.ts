import { createReadStream, mkdtempSync, rmSync, writeFileSync, type ReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CodecardError } from '../errors/codecard-error.ts';
import { readClaimFile } from './claim-file.ts';
import { CLAIMS_PER_CHUNK, unpackClaims } from './claim-chunks.ts';
import { readClaims } from './claim-input.ts';

const dir = mkdtempSync(join(tmpdir(), 'claim-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileWith(name: string, text: string): ReadStream {
  const path = join(dir, name);
  writeFileSync(path, text);
  return createReadStream(path);
}

const csv = [
  'Claim ID,Line Number,DOS,CPT,Modifier,Qty,DX',
  'C1,1,2024-01-10,99213,25,1,M5416',
  'C1,2,2024-01-10,97110,,2,',
  'C2,1,2024-01-11,36415,,1,R7309',
].join('\n');

describe('readClaimFile', () => {
  test('a whole-file format is read on its own thread, with the same claims as in-process', async () => {
    const packed = await readClaimFile(fileWith('c.csv', csv), 'c.csv', { setting: 'hospital' });
    expect(packed.count).toBe(2);
    expect(packed.chunks.flatMap(unpackClaims)).toEqual(
      readClaims(Buffer.from(csv), 'c.csv', { setting: 'hospital' }),
    );
  });

  test('NDJSON is packed as it streams, a chunk per CLAIMS_PER_CHUNK claims', async () => {
    const claims = readClaims(Buffer.from(csv), 'c.csv');
    const lines = Array.from({ length: CLAIMS_PER_CHUNK + 1 }, (_, i) =>
      JSON.stringify({ ...claims[0], id: `N${i}` }),
    );
    const packed = await readClaimFile(fileWith('n.ndjson', lines.join('\n')), 'n.ndjson');
    expect(packed.count).toBe(CLAIMS_PER_CHUNK + 1);
    expect(packed.chunks).toHaveLength(2);
    expect(packed.chunks.flatMap(unpackClaims).map((claim) => claim.id)).toEqual(
      lines.map((_, i) => `N${i}`),
    );
  });

  test("the thread's refusal arrives as the same CodecardError", async () => {
    const bad = 'Claim ID,DOS,CPT,Qty\nC1,2024-01-10,99213,1e400\n';
    const expected = (() => {
      try {
        readClaims(Buffer.from(bad), 'bad.csv');
        return null;
      } catch (error) {
        return error as CodecardError;
      }
    })();
    expect(expected).toBeInstanceOf(CodecardError);
    const error = await readClaimFile(fileWith('bad.csv', bad), 'bad.csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodecardError);
    expect((error as CodecardError).message).toBe(expected!.message);
  });
});
