/**
 * Test-only builders for document fixtures: every binary fixture is made in code so nothing
 * binary is checked in. Sample text here is authored for tests (clearly marked as sample).
 */
import { crc32, deflateRawSync } from 'node:zlib';
import fc from 'fast-check';

export interface PdfLine {
  text: string;
  /** Font size in points (default 12). */
  size?: number;
  /** Placed on the previous line's baseline at this x (points), instead of on a new line. */
  sameLineAt?: number;
}

export interface PdfOptions {
  title?: string;
  /** Adds a Standard security handler whose password is not empty: pdfjs must ask for one. */
  encrypted?: boolean;
}

/** Two pages of sample text, with a larger heading line on page 1. */
export const samplePdfPages: PdfLine[][] = [
  [
    { text: 'Sample Epidural Guide', size: 20 },
    { text: 'This is sample text written for tests. Report code 62321 once per session.' },
    { text: 'Imaging guidance is included in the sample procedure.' },
  ],
  [
    { text: 'Documentation', size: 16 },
    { text: 'The sample note must state the level injected and the drug used.' },
  ],
];

function escapePdfString(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}

/** A minimal, valid PDF (Helvetica, one content stream per page) with a correct xref table. */
export function makePdf(pages: PdfLine[][] = samplePdfPages, options: PdfOptions = {}): Buffer {
  const objects: string[] = [];
  const pageIds: number[] = [];
  // 1 catalog, 2 pages tree, 3 font, 4 info; then per page: page object + content stream.
  const firstPageId = 5;
  pages.forEach((_, i) => pageIds.push(firstPageId + i * 2));
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = `<< /Producer (codecard tests)${options.title ? ` /Title (${escapePdfString(options.title)})` : ''} >>`;
  pages.forEach((lines, i) => {
    const pageId = firstPageId + i * 2;
    let y = 760;
    const ops = lines.map((line) => {
      const size = line.size ?? 12;
      if (line.sameLineAt === undefined) y -= size * 1.6;
      const x = line.sameLineAt ?? 72;
      return `BT /F1 ${size} Tf ${x} ${y} Td (${escapePdfString(line.text)}) Tj ET`;
    });
    const stream = ops.join('\n');
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] =
      `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });
  let encryptId = 0;
  if (options.encrypted) {
    encryptId = objects.length;
    const junk = 'A1'.repeat(32);
    objects[encryptId] =
      `<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${junk}> /U <${junk}> /P -44 >>`;
  }
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) {
    out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  }
  const encrypt = encryptId
    ? ` /Encrypt ${encryptId} 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]`
    : '';
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 4 0 R${encrypt} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export interface ZipEntrySpec {
  name: string;
  data: Buffer | string;
  /** Store instead of deflate. */
  store?: boolean;
  /** Write this uncompressed size into both headers instead of the true one (a lying zip). */
  declaredSize?: number;
}

/** A plain zip (no zip64, no data descriptors), enough for DOCX/XLSX fixtures. */
export function makeZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const method = entry.store ? 0 : 8;
    const body = entry.store ? raw : deflateRawSync(raw);
    const name = Buffer.from(entry.name, 'utf8');
    const size = entry.declaredSize ?? raw.length;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(directory.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, eocd]);
}

export interface DocxParagraph {
  text: string;
  style?: 'Title' | 'Heading1' | 'Heading2';
}

export const sampleDocxParagraphs: DocxParagraph[] = [
  { text: 'Sample Injection Policy', style: 'Heading1' },
  { text: 'This sample paragraph was written for tests. Code 62321 is reported once.' },
  { text: 'Coverage', style: 'Heading2' },
  { text: 'Sample coverage text: the payer covers the sample service when documented.' },
];

const contentTypes =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '</Types>';

const styles =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>' +
  '</w:styles>';

const rootRels =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function makeDocumentXml(paragraphs: DocxParagraph[]): string {
  const body = paragraphs
    .map((p) => {
      const style = p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : '';
      return `<w:p>${style}<w:r><w:t xml:space="preserve">${escapeXml(p.text)}</w:t></w:r></w:p>`;
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:body>${body}</w:body></w:document>`
  );
}

/** A DOCX whose styles.xml names the built-in heading styles that mammoth maps to h1/h2. */
export function makeDocx(
  paragraphs: DocxParagraph[] = sampleDocxParagraphs,
  extra: ZipEntrySpec[] = [],
): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: '_rels/.rels', data: rootRels },
    { name: 'word/document.xml', data: makeDocumentXml(paragraphs) },
    { name: 'word/styles.xml', data: styles },
    ...extra,
  ]);
}

/** One highly compressible entry: 8 MB of zeros deflates ~1000x, far over the ratio limit. */
export function makeZipBombDocx(): Buffer {
  return makeDocx(sampleDocxParagraphs, [
    { name: 'word/media/zeros.bin', data: Buffer.alloc(8e6) },
  ]);
}

/** An entry whose directory says 100 bytes while it inflates to 200 KB. */
export function makeLyingSizeDocx(): Buffer {
  return makeDocx(sampleDocxParagraphs, [
    { name: 'word/media/lies.bin', data: Buffer.alloc(200_000, 0x41), declaredSize: 100 },
  ]);
}

export function makeManyEntriesDocx(count: number): Buffer {
  const extra: ZipEntrySpec[] = [];
  for (let i = 0; i < count; i++) extra.push({ name: `word/e${i}.xml`, data: 'x', store: true });
  return makeDocx(sampleDocxParagraphs, extra);
}

/** An ELF executable header (enough bytes for sniffing). */
export function makeElf(): Buffer {
  const bytes = Buffer.alloc(128);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]).copy(bytes);
  return bytes;
}

/** A PNG signature and IHDR chunk start (enough bytes for sniffing). */
export function makePng(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
  ]);
}

/** Deterministic pseudo-random bytes (xorshift), so failures reproduce. */
export function pseudoRandomBytes(length: number, seed = 42): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

export type Mutation =
  | { kind: 'set'; at: number; byte: number }
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number };

/** Positions are fractions of the current length, so one arbitrary fits any fixture. */
export const mutationsArbitrary: fc.Arbitrary<Mutation[]> = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.nat(255) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      bytes: fc.uint8Array({ maxLength: 16 }),
    }),
    fc.record({
      kind: fc.constant('delete' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 64 }),
    }),
  ),
  { minLength: 1, maxLength: 6 },
);

export function applyMutations(base: Buffer, mutations: Mutation[]): Buffer {
  let bytes = Buffer.from(base);
  for (const m of mutations) {
    const at = bytes.length === 0 ? 0 : m.at % bytes.length;
    switch (m.kind) {
      case 'set':
        if (bytes.length > 0) bytes[at] = m.byte;
        break;
      case 'cut':
        bytes = bytes.subarray(0, at);
        break;
      case 'insert':
        bytes = Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
        break;
      case 'delete':
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
        break;
    }
  }
  return bytes;
}
