import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { crc32, deflateRawSync } from 'node:zlib';
import { seededRandom } from '../../../bench/generate-ptp.ts';

const words = [
  'sample',
  'epidural',
  'injection',
  'guidance',
  'report',
  'code',
  '62323',
  'once',
  'per',
  'session',
  'documentation',
  'level',
  'imaging',
  'the',
  'and',
  'with',
  'of',
  'a',
  'payer',
];

/** Sample prose (authored for tests) of about `length` characters, one line. */
export function sampleProse(length: number, seed = 1): string {
  const random = seededRandom(seed);
  const out: string[] = [];
  let size = 0;
  while (size < length) {
    const word = words[Math.floor(random() * words.length)]!;
    out.push(word);
    size += word.length + 1;
  }
  return out.join(' ').slice(0, length);
}

/** Writes `bytes` of text with no line break, 1 MB at a time. */
export async function writeSingleLineText(path: string, bytes: number): Promise<void> {
  const out = createWriteStream(path);
  const chunk = Buffer.from(`${sampleProse(1 << 20)} `.slice(0, 1 << 20));
  for (let written = 0; written < bytes; written += chunk.length) {
    const piece = written + chunk.length > bytes ? chunk.subarray(0, bytes - written) : chunk;
    if (!out.write(piece)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Markdown nested `depth` deep twice over: a list (one more indent per item) and quotes. */
export function nestedMarkdown(depth: number): string {
  const lines = ['# Nested sample', ''];
  for (let i = 0; i < depth; i++) lines.push(`${'  '.repeat(i)}- sample level ${i} code 62323`);
  lines.push('', `${'> '.repeat(depth)}sample quote about 62323`, '');
  return lines.join('\n');
}

export function nestedHtml(depth: number): string {
  return (
    '<!doctype html><html><head><title>Nested sample</title></head><body>' +
    '<div>'.repeat(depth) +
    '<p>Sample text about 62323.</p>' +
    '</div>'.repeat(depth) +
    '</body></html>'
  );
}

/** A zip entry already deflated (sizes and CRC known), so no raw copy of it is kept. */
export interface DeflatedEntry {
  name: string;
  crc: number;
  rawSize: number;
  data: Buffer;
}

/** Deflates `rawSize` bytes produced piece by piece by `piece(i)` (never all in memory). */
export function deflatePieces(name: string, pieces: Iterable<Buffer>): DeflatedEntry {
  const compressed: Buffer[] = [];
  let crc = 0;
  let rawSize = 0;
  // One raw deflate stream written in flushed blocks: FULL_FLUSH keeps it one valid stream.
  const batch: Buffer[] = [];
  let batchSize = 0;
  const flush = (last: boolean) => {
    if (batchSize === 0 && !last) return;
    const raw = Buffer.concat(batch);
    compressed.push(deflateRawSync(raw, { finishFlush: last ? 4 : 3 }));
    batch.length = 0;
    batchSize = 0;
  };
  for (const piece of pieces) {
    crc = crc32(piece, crc);
    rawSize += piece.length;
    batch.push(piece);
    batchSize += piece.length;
    if (batchSize >= 8 << 20) flush(false);
  }
  flush(true);
  return { name, crc, rawSize, data: Buffer.concat(compressed) };
}

/** Little-endian header fields: [byte width, value] in order. */
function fields(spec: [2 | 4, number][]): Buffer {
  const out = Buffer.alloc(spec.reduce((n, [width]) => n + width, 0));
  let at = 0;
  for (const [width, value] of spec) {
    if (width === 2) out.writeUInt16LE(value, at);
    else out.writeUInt32LE(value >>> 0, at);
    at += width;
  }
  return out;
}

/** The fields local and central headers share: version, flags (UTF-8), method, time, sizes. */
const entryFields = (e: DeflatedEntry, name: Buffer) =>
  fields([
    [2, 20],
    [2, 0x0800],
    [2, 8],
    [2, 0],
    [2, 0x21],
    [4, e.crc],
    [4, e.data.length],
    [4, e.rawSize],
    [2, name.length],
  ]);

/**
 * A zip of deflated entries. `directory` lists the central-directory records in order (by
 * index into `entries`, repeats allowed), `declaredCount` what the end record claims.
 */
export function zipOf(
  entries: DeflatedEntry[],
  layout: { directory?: number[]; declaredCount?: number } = {},
): Buffer {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const head = Buffer.concat([fields([[4, 0x04034b50]]), entryFields(e, name), fields([[2, 0]])]);
    offsets.push(offset);
    parts.push(head, name, e.data);
    offset += head.length + name.length + e.data.length;
  }
  const directory = layout.directory ?? entries.map((_, i) => i);
  const start = offset;
  for (const i of directory) {
    const e = entries[i]!;
    const name = Buffer.from(e.name);
    const record = Buffer.concat([
      fields([
        [4, 0x02014b50],
        [2, 20],
      ]),
      entryFields(e, name),
      fields([
        [2, 0],
        [2, 0],
        [2, 0],
        [2, 0],
        [4, 0],
        [4, offsets[i]!],
      ]),
    ]);
    parts.push(record, name);
    offset += record.length + name.length;
  }
  const count = layout.declaredCount ?? directory.length;
  parts.push(
    fields([
      [4, 0x06054b50],
      [2, 0],
      [2, 0],
      [2, count],
      [2, count],
      [4, offset - start],
      [4, start],
      [2, 0],
    ]),
  );
  return Buffer.concat(parts);
}

const docxParts = {
  types:
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  rels:
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  head: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
  tail: '</w:body></w:document>',
};

const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** The package parts of a minimal DOCX besides word/document.xml. */
export function docxFrame(): DeflatedEntry[] {
  return [
    deflatePieces('[Content_Types].xml', [Buffer.from(docxParts.types)]),
    deflatePieces('_rels/.rels', [Buffer.from(docxParts.rels)]),
  ];
}

/**
 * word/document.xml of about `rawBytes`, paragraphs of sample prose with `noise` random
 * letters each (the knob that sets the compression ratio).
 */
export function documentXml(rawBytes: number, noise: number, seed = 7): DeflatedEntry {
  const random = seededRandom(seed);
  const prose = sampleProse(400, seed);
  function* pieces(): Generator<Buffer> {
    yield Buffer.from(docxParts.head);
    let size = 0;
    while (size < rawBytes) {
      const block: string[] = [];
      for (let i = 0; i < 2000; i++) {
        let letters = '';
        for (let k = 0; k < noise; k++)
          letters += String.fromCharCode(97 + Math.floor(random() * 26));
        block.push(paragraph(`${prose} ${letters}`));
      }
      const piece = Buffer.from(block.join(''));
      size += piece.length;
      yield piece;
    }
    yield Buffer.from(docxParts.tail);
  }
  return deflatePieces('word/document.xml', pieces());
}

export function smallDocumentXml(text: string): DeflatedEntry {
  return deflatePieces('word/document.xml', [
    Buffer.from(docxParts.head + paragraph(text) + docxParts.tail),
  ]);
}
