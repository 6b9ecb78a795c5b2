import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodecardError } from '../errors/codecard-error.ts';
import { download, type DownloadLimits } from './download.ts';
import { mirrorIndexSchema, type MirrorEntry } from './mirror-entry.ts';

/** The shipped index: the publishers' own download files (data, not code; see docs). */
export const defaultMirrorIndex = new URL('../../samples/cms-mirror.json', import.meta.url)
  .pathname;

/** The index read when CODECARD_SYNC_MIRROR names a folder that has one. */
const FOLDER_INDEX = 'index.json';
const MAX_INDEX_BYTES = 1024 * 1024;

/**
 * The entries a mirror lists, each with an absolute URL. The mirror is an http(s) URL or a local
 * path of an index file (JSON), or a folder: its index.json if it has one, else the shipped
 * index's entries whose file (the URL's last segment, or the zip member's name for an unzipped
 * copy) lies in the folder, as file:// entries.
 */
export async function readMirror(
  mirror: string = defaultMirrorIndex,
  limits: DownloadLimits,
): Promise<MirrorEntry[]> {
  if (/^https?:\/\//i.test(mirror)) {
    const { bytes } = await download(mirror, { ...limits, maxBytes: MAX_INDEX_BYTES });
    return parseIndex(mirror, bytes.toString('utf8'), mirror);
  }
  const path = resolve(mirror.startsWith('file:') ? new URL(mirror).pathname : mirror);
  const info = await stat(path).catch(() => {
    throw new CodecardError('SYNC_MIRROR', { mirror, detail: 'no such file or folder' });
  });
  if (!info.isDirectory())
    return parseIndex(mirror, await readFile(path, 'utf8'), pathToFileURL(path).href);
  const names = await readdir(path);
  if (names.includes(FOLDER_INDEX)) return readMirror(join(path, FOLDER_INDEX), limits);
  const shipped = await readMirror(defaultMirrorIndex, limits);
  return folderEntries(path, new Set(names), shipped);
}

function parseIndex(mirror: string, text: string, base: string): MirrorEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CodecardError('SYNC_MIRROR', {
      mirror,
      detail: `the index is not JSON (${error instanceof Error ? error.message : String(error)})`,
    });
  }
  const parsed = mirrorIndexSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CodecardError('SYNC_MIRROR', {
      mirror,
      detail: `the index is not valid at ${issue?.path.join('.') || 'its top'}: ${issue?.message ?? 'invalid'}`,
    });
  }
  const entries = parsed.data.entries.map((entry) => ({
    ...entry,
    url: new URL(entry.url, base).href,
  }));
  // An index fetched from a server may name only files on servers: whoever runs the mirror must
  // not be able to make Codecard read its own disk (file://) and import what it finds there.
  const remote = /^https?:/i.test(base);
  const local = entries.find((entry) => remote && !/^https?:/i.test(entry.url));
  if (local)
    throw new CodecardError('SYNC_MIRROR', {
      mirror,
      detail: `${local.dataset}: an index read over http(s) may list only http(s) files, not ${local.url}`,
    });
  return entries;
}

/** A folder of downloaded files: each shipped entry whose file is there, read from there. */
function folderEntries(folder: string, names: Set<string>, shipped: MirrorEntry[]): MirrorEntry[] {
  const entries: MirrorEntry[] = [];
  for (const entry of shipped) {
    const downloaded = decodeURIComponent(basename(new URL(entry.url).pathname));
    const local = (name: string) => pathToFileURL(join(folder, name)).href;
    // The publisher's declared size and hash are of the download; the copy must be the same file.
    if (names.has(downloaded)) entries.push({ ...entry, url: local(downloaded) });
    else if (entry.member && !entry.member.includes('*') && names.has(entry.member)) {
      const unzipped: MirrorEntry = { ...entry, url: local(entry.member) };
      delete unzipped.member;
      delete unzipped.size;
      delete unzipped.sha256;
      entries.push(unzipped);
    }
  }
  return entries;
}
