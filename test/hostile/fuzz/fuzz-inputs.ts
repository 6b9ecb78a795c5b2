import { makePdf, makeDocx, type PdfLine } from '../../../src/library/parsers/test-fixtures.ts';
import { seededRandom } from '../../../bench/generate-ptp.ts';
import { sample837, mutateX12 } from '../support/claim-inputs.ts';
import { docxFrame, deflatePieces, zipOf } from '../support/hostile-files.ts';
import type { FuzzInput, FuzzTarget } from './fuzz-target.ts';

/** A seeded source of choices for one input. */
export class Chooser {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  text(maxLength: number): string {
    const length = this.int(maxLength + 1);
    let out = '';
    for (let i = 0; i < length; i++) out += this.pick(alphabet);
    return out;
  }
}

const alphabet = [
  ...'abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,;:-_()[]{}<>/\\"\'&#*|=+@%!?\n\t',
  'é',
  'ß',
  'ü',
  '中',
  '한',
  'ع',
  '\u200b',
  '\u202e',
  '\ufeff',
  '\u0000',
  '\u001b',
  '\r',
  '😀',
  '\ud800',
  '62323',
  'M54.16',
];

/** Byte-level damage of a valid seed: bit flips, set bytes, cuts, duplicated and spliced ranges. */
export function mutateBytes(c: Chooser, seed: Uint8Array, tokens: readonly string[]): Uint8Array {
  let bytes = Buffer.from(seed);
  const edits = 1 + c.int(6);
  for (let e = 0; e < edits; e++) {
    const at = bytes.length === 0 ? 0 : c.int(bytes.length);
    switch (c.int(7)) {
      case 0:
        if (bytes.length > 0) bytes[at] = bytes[at]! ^ (1 << c.int(8));
        break;
      case 1:
        if (bytes.length > 0) bytes[at] = c.int(256);
        break;
      case 2:
        bytes = bytes.subarray(0, at);
        break;
      case 3: {
        const length = 1 + c.int(Math.min(4096, bytes.length + 1));
        const copy = bytes.subarray(at, at + length);
        const times = 1 + c.int(c.chance(0.1) ? 200 : 4);
        const where = c.int(bytes.length + 1);
        bytes = Buffer.concat([
          bytes.subarray(0, where),
          ...Array<Buffer>(times).fill(copy),
          bytes.subarray(where),
        ]);
        break;
      }
      case 4:
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1 + c.int(256))]);
        break;
      case 5:
        bytes = Buffer.concat([
          bytes.subarray(0, at),
          Buffer.from(c.pick(tokens)),
          bytes.subarray(at),
        ]);
        break;
      default: {
        const random = Buffer.alloc(1 + c.int(64));
        for (let i = 0; i < random.length; i++) random[i] = c.int(256);
        bytes = Buffer.concat([bytes.subarray(0, at), random, bytes.subarray(at)]);
      }
    }
  }
  return bytes;
}

/** `open`/`close` repeated `depth` times around `inner`: nesting as deep as the draw says. */
const nest = (c: Chooser, open: string, close: string, inner: string) => {
  const depth = c.chance(0.05) ? 200 + c.int(2000) : c.int(20);
  return open.repeat(depth) + inner + close.repeat(c.chance(0.8) ? depth : c.int(depth + 1));
};

const htmlTags = [
  'div',
  'p',
  'span',
  'table',
  'tr',
  'td',
  'ul',
  'li',
  'h1',
  'h3',
  'script',
  'style',
  'a',
  'pre',
  'svg',
  'math',
  'template',
  'iframe',
  'textarea',
  'title',
  'noscript',
  'b',
  'select',
];
const htmlBits = [
  '&amp;',
  '&#x1F600;',
  '&bogus;',
  '&#99999999;',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<br/>',
  '</',
  '<',
  '>',
  '"',
  "'",
  '<meta charset="utf-16">',
  '<!doctype html>',
];

function htmlTree(c: Chooser, depth: number): string {
  if (depth > 6 || c.chance(0.3)) return c.chance(0.3) ? c.pick(htmlBits) : c.text(40);
  const tag = c.pick(htmlTags);
  const attrs = c.chance(0.3)
    ? ` ${c.pick(['class', 'onclick', 'href', 'style', 'id', 'x'])}="${c.text(10)}"`
    : '';
  let children = '';
  for (let i = c.int(4); i > 0; i--) children += htmlTree(c, depth + 1);
  return `<${tag}${attrs}>${children}${c.chance(0.85) ? `</${tag}>` : ''}`;
}

const mdBlocks = [
  (c: Chooser) => `${'#'.repeat(1 + c.int(8))} ${c.text(30)}`,
  (c: Chooser) => nest(c, '> ', '', c.text(30)),
  (c: Chooser) =>
    Array.from(
      { length: 1 + c.int(30) },
      (_, i) =>
        `${'  '.repeat(c.chance(0.7) ? i : c.int(i + 1))}${c.pick(['-', '*', '1.', '+'])} ${c.text(20)}`,
    ).join('\n'),
  (c: Chooser) =>
    `${c.pick(['```', '~~~', '````'])}${c.text(5)}\n${c.text(80)}${c.chance(0.7) ? '\n```' : ''}`,
  (c: Chooser) =>
    `| ${c.text(5)} | ${c.text(5)} |\n|${c.pick(['---', ':--', '-'])}|---|\n| ${c.text(8)} | ${c.text(8)} |`,
  (c: Chooser) =>
    nest(
      c,
      c.pick(['[', '*', '_', '**', '`', '![', '<']),
      c.pick([']', '*', '_', '**', '`', '](x)', '>']),
      c.text(20),
    ),
  (c: Chooser) => `${c.text(40)}\n${c.pick(['===', '---', '***', ''])}`,
  (c: Chooser) =>
    `[${c.text(5)}]: ${c.pick(['http://x', 'javascript:x', '<>', ''])} "${c.text(5)}"`,
  (c: Chooser) => htmlTree(c, 0),
];

function proseText(c: Chooser): Buffer {
  const lines: string[] = [];
  for (let i = 1 + c.int(40); i > 0; i--)
    lines.push(c.chance(0.05) ? c.text(200).repeat(1 + c.int(500)) : c.text(120));
  const text = lines.join(c.pick(['\n', '\r\n', '\r', '\n\n']));
  switch (c.int(5)) {
    case 0:
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 1:
      return Buffer.from(text, 'latin1');
    case 2:
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    default:
      return Buffer.from(text);
  }
}

function pdfPages(c: Chooser): PdfLine[][] {
  return Array.from({ length: 1 + c.int(4) }, () =>
    Array.from({ length: c.int(8) }, () => ({
      text: c.text(60),
      size: c.pick([1, 6, 12, 20, 400, 0.001]),
      ...(c.chance(0.2) ? { sameLineAt: c.int(700) } : {}),
    })),
  );
}

const pdfTokens = [
  '/Type',
  '/Pages',
  '/Kids [',
  '/Count 999999999',
  ' 0 R',
  'obj',
  'endobj',
  'stream\n',
  'endstream',
  'xref',
  '<<',
  '>>',
  '/Length 99999999',
  '/Filter /FlateDecode',
  '/Encrypt',
  '(\\',
  'Tj',
  'BT',
  'ET',
  '%%EOF',
  'trailer',
];
const xmlTokens = [
  '<w:p>',
  '</w:p>',
  '<w:r>',
  '<w:t>',
  '</w:t>',
  '<w:tbl><w:tr><w:tc>',
  '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
  '&a;',
  '&#0;',
  '<![CDATA[',
  ']]>',
  '<?xml',
  'xmlns:w="x"',
  '\u0000',
];
const claimTokens = [
  'claim',
  'code',
  'dos',
  'units',
  'modifiers',
  'dx',
  'line',
  'setting',
  '1e400',
  '-0',
  'NaN',
  'Infinity',
  '=HYPERLINK("x")',
  '"',
  ',',
  '\n',
  '[',
  ']',
  '{',
  '}',
  '"lines":',
  '"claims":',
  '99999999999999999999',
  '2026-02-30',
  'ISA',
  '~',
  '*',
  ':',
];

function docxInput(c: Chooser): Uint8Array {
  if (c.chance(0.3)) {
    const paragraphs = Array.from({ length: 1 + c.int(10) }, () => ({
      text: c.text(80),
      ...(c.chance(0.3) ? { style: c.pick(['Title', 'Heading1', 'Heading2'] as const) } : {}),
    }));
    return mutateBytes(c, makeDocx(paragraphs), [
      'PK\u0003\u0004',
      'PK\u0001\u0002',
      'PK\u0005\u0006',
    ]);
  }
  // Well-formed XML of random structure: what mammoth itself is given once the XML check passes.
  if (c.chance(0.5))
    return zipOf([
      ...docxFrame(),
      deflatePieces('word/document.xml', [Buffer.from(wellFormedDocumentXml(c), 'utf8')]),
    ]);
  // A well-formed zip around a damaged or deep document.xml: the XML reader is what is fuzzed.
  let body = '';
  for (let i = 1 + c.int(10); i > 0; i--)
    body += nest(
      c,
      c.pick(['<w:p>', '<w:tbl><w:tr><w:tc>', '<w:r>', '<w:sdt><w:sdtContent>']),
      c.pick(['</w:p>', '</w:tc></w:tr></w:tbl>', '</w:r>', '</w:sdtContent></w:sdt>']),
      `<w:r><w:t>${c.text(40).replace(/[<&]/g, '')}</w:t></w:r>`,
    );
  let xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  if (c.chance(0.3))
    xml = Buffer.from(mutateBytes(c, Buffer.from(xml), xmlTokens)).toString('latin1');
  return zipOf([...docxFrame(), deflatePieces('word/document.xml', [Buffer.from(xml, 'latin1')])]);
}

/** Text as XML character data: characters XML forbids are dropped, markup escaped. */
const xmlCharData = (text: string) =>
  text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');

const wordRun = (c: Chooser): string =>
  c.pick([
    () => `<w:r><w:t xml:space="preserve">${xmlCharData(c.text(60))}</w:t></w:r>`,
    () => `<w:r><w:rPr><w:b/><w:i/></w:rPr><w:t>${xmlCharData(c.text(20))}</w:t></w:r>`,
    () => '<w:r><w:br/><w:tab/></w:r>',
    // An anchor, not a relationship id: one the package does not hold makes mammoth throw on
    // the whole document (refused cleanly, but then nothing else in it is exercised).
    () =>
      `<w:hyperlink w:anchor="a${c.int(9)}"><w:r><w:t>${xmlCharData(c.text(20))}</w:t></w:r></w:hyperlink>`,
    () => `<w:r><w:t>&#${c.int(0xd7ff) + 1};&amp;&lt;&gt;</w:t></w:r>`,
    () => `<x:unknown xmlns:x="urn:fuzz" a="${c.int(9)}"><w:r><w:t>x</w:t></w:r></x:unknown>`,
    () => '<!-- a comment --><w:r><w:t><![CDATA[62323 & M54.16 <b>]]></w:t></w:r>',
  ])();

/** A paragraph, or a table of paragraphs (tables nest, at most a few levels). */
function wordBlock(c: Chooser, depth: number): string {
  if (depth < 4 && c.chance(0.2)) {
    let rows = '';
    for (let r = 1 + c.int(4); r > 0; r--) {
      let cells = '';
      for (let k = 1 + c.int(4); k > 0; k--) cells += `<w:tc>${wordBlock(c, depth + 1)}</w:tc>`;
      rows += `<w:tr>${cells}</w:tr>`;
    }
    return `<w:tbl>${rows}</w:tbl>`;
  }
  const style = c.chance(0.3)
    ? `<w:pPr><w:pStyle w:val="${c.pick(['Title', 'Heading1', 'Heading2', 'ListParagraph', 'Nope'])}"/>${c.chance(0.3) ? `<w:numPr><w:ilvl w:val="${c.int(12)}"/><w:numId w:val="${c.int(5)}"/></w:numPr>` : ''}</w:pPr>`
    : '';
  let runs = '';
  for (let i = c.int(6); i > 0; i--) runs += wordRun(c);
  return `<w:p>${style}${runs}</w:p>`;
}

function wellFormedDocumentXml(c: Chooser): string {
  let body = '';
  for (let i = 1 + c.int(30); i > 0; i--) body += wordBlock(c, 0);
  return `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}</w:body></w:document>`;
}

function csvClaims(c: Chooser): Buffer {
  const optional = ['units', 'modifiers', 'dx', 'line', 'setting', 'provider'];
  const header = ['claim', 'code', 'dos', ...optional.filter(() => c.chance(0.4))];
  if (c.chance(0.2)) header.splice(c.int(header.length), 1, c.pick(optional));
  const good: Record<string, () => string> = {
    claim: () => `C${c.int(5)}`,
    code: () => c.pick(['62323', '64483', '20550', '99213']),
    dos: () => c.pick(['2026-03-02', '2026-01-15']),
    units: () => String(1 + c.int(3)),
    modifiers: () => c.pick(['', '59', '"XS,59"', 'LT']),
    dx: () => c.pick(['M54.16', '', 'G89.29']),
    line: () => String(1 + c.int(3)),
    setting: () => c.pick(['practitioner', 'hospital']),
  };
  const bad = [
    '1e400',
    '-0',
    'NaN',
    '',
    '"q""uote"',
    '"multi\nline"',
    '=1+1',
    '2026-02-30',
    '99999999999',
    c.text(10),
  ];
  const rows = [header.join(c.chance(0.9) ? ',' : c.pick([';', '\t', '|']))];
  for (let i = 1 + c.int(30); i > 0; i--)
    rows.push(
      header
        .map((column) => (c.chance(0.97) && good[column] ? good[column]() : c.pick(bad)))
        .join(','),
    );
  return Buffer.from(rows.join(c.pick(['\n', '\r\n'])));
}

function jsonValue(c: Chooser, depth: number): string {
  const scalars = [
    '1',
    '-0',
    '1e400',
    '-1e400',
    '1e-400',
    '0.5',
    '9999',
    '10000',
    '99999999999999999999',
    'null',
    'true',
    '"62323"',
    '"2026-03-02"',
    '"M54.16"',
    '"\\ud800"',
    '"\\u0000"',
    `"${[...c.text(10)].filter((ch) => ch >= ' ' && ch !== '"' && ch !== '\\').join('')}"`,
  ];
  if (depth > 5 || c.chance(0.4)) return c.pick(scalars);
  if (c.chance(0.05)) return nest(c, '[', ']', '1');
  if (c.chance(0.4))
    return `[${Array.from({ length: c.int(4) }, () => jsonValue(c, depth + 1)).join(',')}]`;
  const keys = [
    'id',
    'lines',
    'code',
    'units',
    'dateOfService',
    'modifiers',
    'diagnoses',
    'setting',
    'provider',
    'claims',
    '__proto__',
    'constructor',
  ];
  return `{${Array.from({ length: c.int(5) }, () => `"${c.pick(keys)}":${jsonValue(c, depth + 1)}`).join(',')}}`;
}

function jsonClaims(c: Chooser): Buffer {
  const claim = () =>
    `{"id":"${c.int(9999)}${c.chance(0.1) ? '' : 'c'}","dateOfService":${c.chance(0.9) ? '"2026-03-02"' : c.pick(['"2026-02-30"', '20260302', 'null'])},"lines":[${Array.from({ length: 1 + c.int(3) }, () => `{"code":${c.chance(0.9) ? c.pick(['"62323"', '"64483"']) : c.pick(['62323', '"x"'])},"units":${c.chance(0.8) ? String(1 + c.int(3)) : jsonValue(c, 5)},"modifiers":${c.chance(0.9) ? c.pick(['["59"]', '[]']) : c.pick(['"59"', '[1]'])}}`).join(',')}]}`;
  switch (c.int(4)) {
    case 0:
      return Buffer.from(`{"claims":[${Array.from({ length: 1 + c.int(5) }, claim).join(',')}]}`);
    case 1:
      return Buffer.from(Array.from({ length: 1 + c.int(5) }, claim).join('\n'));
    case 2:
      return Buffer.from(jsonValue(c, 0));
    default:
      return Buffer.from(mutateBytes(c, Buffer.from(`[${claim()},${claim()}]`), claimTokens));
  }
}

/** Sets SE01 to the transaction's true segment count, so the edits reach the claim readers. */
function recount(text: string): string {
  const segments = text.split('~\n');
  const st = segments.findIndex((s) => s.startsWith('ST*'));
  const se = segments.findIndex((s) => s.startsWith('SE*'));
  if (st < 0 || se < st) return text;
  segments[se] = segments[se]!.replace(/^SE\*\d*/, `SE*${se - st + 1}`);
  return segments.join('~\n');
}

/** One generated input for `target`: grammar-based half the time, a mutated valid seed otherwise. */
export function fuzzInput(target: FuzzTarget, seed: number): FuzzInput {
  const c = new Chooser(seed);
  const grammar = c.chance(0.5);
  const bytes = ((): Uint8Array => {
    switch (target) {
      case 'pdf':
        return grammar
          ? makePdf(pdfPages(c), { encrypted: c.chance(0.05) })
          : mutateBytes(c, makePdf(), pdfTokens);
      case 'docx':
        return docxInput(c);
      case 'html': {
        const page = `<!doctype html><html><head><title>${c.text(20)}</title></head><body>${Array.from({ length: 1 + c.int(8) }, () => htmlTree(c, 0)).join('')}</body></html>`;
        return grammar ? Buffer.from(page) : mutateBytes(c, Buffer.from(page), htmlBits);
      }
      case 'markdown': {
        const text = Array.from({ length: 1 + c.int(12) }, () => c.pick(mdBlocks)(c)).join(
          c.pick(['\n\n', '\n']),
        );
        return grammar
          ? Buffer.from(text)
          : mutateBytes(c, Buffer.from(text), [
              '\n',
              '> ',
              '- ',
              '```',
              '#',
              '|',
              '[',
              '](',
              '<div>',
            ]);
      }
      case 'text':
        return grammar
          ? proseText(c)
          : mutateBytes(c, proseText(c), ['\u0000', '\r', '\ufeff', '\n']);
      case 'csv':
        return grammar ? csvClaims(c) : mutateBytes(c, csvClaims(c), claimTokens);
      case 'x12':
        return grammar
          ? Buffer.from(
              c.chance(0.7)
                ? recount(mutateX12(sample837(1 + c.int(4)), seed))
                : mutateX12(sample837(2), seed),
            )
          : mutateBytes(c, Buffer.from(sample837(2)), claimTokens);
      case 'json':
        return jsonClaims(c);
    }
  })();
  const names: Record<FuzzTarget, string> = {
    pdf: 'fuzz.pdf',
    docx: 'fuzz.docx',
    html: 'fuzz.html',
    markdown: 'fuzz.md',
    text: 'fuzz.txt',
    csv: 'claims.csv',
    x12: 'claims.837',
    json: 'claims.json',
  };
  return { target, fileName: names[target], bytes };
}
