import { open } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

/**
 * Writes an N-row NCCI PTP file in the CMS TXT layout: six header lines, then tab-delimited
 * rows (column 1, column 2, prior-1996 flag, effective date, deletion date, modifier indicator,
 * rationale), CRLF line ends, sorted by column 1 then column 2 as CMS ships them. Codes are
 * CPT-shaped (five digits, a few Category III `dddd T` codes); the output is deterministic for a
 * given seed and streamed to disk in ~1 MB chunks, so millions of rows need little memory.
 */

export interface GeneratePtpOptions {
  rows: number;
  seed?: number;
}

export interface GeneratedPtp {
  path: string;
  rows: number;
  bytes: number;
}

const CRLF = '\r\n';

export const cmsPtpHeader = [
  'CPT only copyright 2025 American Medical Association.  All rights reserved.\t\t\t\t\t\t',
  'Column1/Column2 Edits\t\t\t\t\t\t',
  'Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale',
  '\t\tprior to 1996\tDate\tDate\t0=not allowed\t',
  '\t\t\t\t*=no data\t1=allowed\t',
  '\t\t\t\t\t9=not applicable\t',
];

/** The four rationale labels CMS uses. */
export const ptpRationales = [
  'Misuse of Column Two code with Column One code',
  'CPT Manual or CMS manual coding instruction',
  'Mutually exclusive procedures',
  'Standards of medical/surgical practice',
];
const rationaleWeights = [0.5, 0.4, 0.06, 0.04];

/** mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every CPT-shaped code the generator may use, sorted as strings (CMS order). */
function codeUniverse(): string[] {
  const codes: string[] = [];
  for (let n = 1; n <= 999; n += 7) codes.push(`${String(n).padStart(4, '0')}T`);
  for (let n = 10004; n <= 99499; n += 3) codes.push(String(n));
  return codes.sort();
}

/** Quarter starts from 1996 to 2026 as YYYYMMDD. */
function quarterStarts(): string[] {
  const out: string[] = [];
  for (let year = 1996; year <= 2026; year++) {
    for (const month of ['01', '04', '07', '10']) out.push(`${year}${month}01`);
  }
  return out;
}

const quarterEnd: Record<string, string> = {
  '01': '0331',
  '04': '0630',
  '07': '0930',
  '10': '1231',
};

function pick<T>(items: readonly T[], weights: readonly number[], r: number): T {
  let acc = 0;
  for (let i = 0; i < items.length; i++) {
    acc += weights[i] ?? 0;
    if (r < acc) return items[i]!;
  }
  return items[items.length - 1]!;
}

/** Writes the file and returns its path, data-row count and byte size. */
export async function generatePtpFile(
  path: string,
  options: GeneratePtpOptions,
): Promise<GeneratedPtp> {
  const random = seededRandom(options.seed ?? 329);
  const codes = codeUniverse();
  const quarters = quarterStarts();
  const handle = await open(path, 'w');
  let bytes = 0;
  let chunk = cmsPtpHeader.join(CRLF) + CRLF;
  const flush = async () => {
    const buffer = Buffer.from(chunk, 'latin1');
    bytes += buffer.length;
    chunk = '';
    await handle.write(buffer);
  };
  try {
    let written = 0;
    // Column 1 codes spread evenly over the universe; each gets a sorted run of column 2 codes.
    // ~120 pairs per column 1 code, more once the rows would need more column 1 codes than exist.
    const perColumn1 = Math.max(120, Math.ceil(options.rows / (codes.length / 2)));
    const column1Count = Math.max(1, Math.ceil(options.rows / perColumn1));
    const step = codes.length / column1Count;
    for (let c = 0; c < column1Count && written < options.rows; c++) {
      const column1 = codes[Math.floor(c * step) % codes.length]!;
      const left = options.rows - written;
      const remainingColumn1 = column1Count - c;
      const want = Math.min(left, Math.ceil(left / remainingColumn1));
      // Column 2 codes: a sorted sample of distinct codes other than column 1.
      const stride = Math.max(1, Math.floor(codes.length / (want + 1)));
      let index = Math.floor(random() * stride);
      for (let k = 0; k < want; k++, index += stride) {
        let column2 = codes[index % codes.length]!;
        if (column2 === column1) column2 = codes[(index + 1) % codes.length]!;
        const q = Math.floor(random() * quarters.length);
        const effective = quarters[q]!;
        const prior = effective === '19960101' && random() < 0.5 ? '*' : '';
        let deletion = '*';
        if (random() < 0.3) {
          const end = quarters[Math.min(quarters.length - 1, q + 1 + Math.floor(random() * 20))]!;
          deletion = end.slice(0, 4) + quarterEnd[end.slice(4, 6)]!;
        }
        const r = random();
        const modifier = r < 0.45 ? '0' : r < 0.97 ? '1' : '9';
        const rationale = pick(ptpRationales, rationaleWeights, random());
        chunk += `${column1}\t${column2}\t${prior}\t${effective}\t${deletion}\t${modifier}\t${rationale}${CRLF}`;
        written++;
        if (chunk.length >= 1 << 20) await flush();
      }
    }
    await flush();
    return { path, rows: written, bytes };
  } finally {
    await handle.close();
  }
}

// `node --import tsx bench/generate-ptp.ts OUT.txt ROWS`
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [out, rows] = process.argv.slice(2);
  if (!out || !rows || !Number.isInteger(Number(rows))) {
    process.stderr.write('usage: node --import tsx bench/generate-ptp.ts OUT.txt ROWS\n');
    process.exit(2);
  }
  const result = await generatePtpFile(out, { rows: Number(rows) });
  process.stdout.write(`${result.path}: ${result.rows} rows, ${result.bytes} bytes\n`);
}
