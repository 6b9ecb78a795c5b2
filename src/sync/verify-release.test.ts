import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeZip } from '../library/parsers/test-fixtures.ts';
import type { MirrorEntry } from './mirror-entry.ts';
import { verifyRelease } from './verify-release.ts';

const gpci = readFileSync(
  path.resolve(import.meta.dirname, '../../../shared/data/mpfs-2026/GPCI2026.csv'),
);
const entry: MirrorEntry = { dataset: 'gpci', kind: 'gpci', url: 'https://example.org/r.zip' };

describe('verifying a release file', () => {
  // A zip as CMS publishes them: the data file beside a readme.
  const zip = makeZip([
    { name: 'README.txt', data: 'Sample readme written for this test.\n' },
    { name: 'rvu26c/GPCI2026.csv', data: gpci },
    { name: 'rvu26c/GPCI2026.xlsx', data: 'not read' },
  ]);

  test('takes the named member out of a zip, by exact name or pattern', async () => {
    for (const member of ['GPCI2026.csv', 'rvu26c/GPCI2026.csv', 'gpci*.csv']) {
      const file = await verifyRelease({ ...entry, member }, 'r.zip', zip);
      expect(file.fileName).toBe('GPCI2026.csv');
      expect(file.bytes.equals(gpci)).toBe(true);
    }
  });

  test('refuses a zip whose member is missing, ambiguous or not named', async () => {
    await expect(verifyRelease({ ...entry, member: 'PPRRVU*.csv' }, 'r.zip', zip)).rejects.toThrow(
      /no member matches "PPRRVU\*\.csv"/,
    );
    await expect(verifyRelease({ ...entry, member: 'GPCI2026*' }, 'r.zip', zip)).rejects.toThrow(
      /2 members match/,
    );
    await expect(verifyRelease(entry, 'r.zip', zip)).rejects.toThrow(/must name its member/);
  });

  test('checks the declared size and hash of the download, then the layout', async () => {
    await expect(verifyRelease({ ...entry, size: gpci.length + 1 }, 'g.csv', gpci)).rejects.toThrow(
      /bytes where the mirror declares/,
    );
    await expect(
      verifyRelease({ ...entry, sha256: 'a'.repeat(64) }, 'g.csv', gpci),
    ).rejects.toThrow(/differs from the declared/);
    await expect(verifyRelease({ ...entry, kind: 'hcpcs' }, 'g.csv', gpci)).rejects.toThrow(
      /lists it as hcpcs but its layout is gpci/,
    );
    await expect(
      verifyRelease({ ...entry, kind: 'ncci-mue' }, 'notes.txt', Buffer.from('Plain notes.\n')),
    ).rejects.toThrow(/layout is text/);
    expect((await verifyRelease(entry, 'g.csv', gpci)).bytes.length).toBe(gpci.length);
  });
});
