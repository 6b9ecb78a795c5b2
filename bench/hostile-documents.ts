import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { CodecardError } from '../src/errors/codecard-error.ts';
import { importFile } from '../src/library/import.service.ts';
import { configureParserPool } from '../src/library/parsers/shared-parser-pool.ts';
import { makeZip } from '../src/library/parsers/test-fixtures.ts';
import { openTestLibrary } from '../test/support/test-library.ts';

/**
 * `node --import tsx bench/hostile-documents.ts [CASE...]`: imports each hostile document of
 * issue 15 through importFile into an in-memory test library, one child process per case (an
 * out-of-memory crash ends only that case), and prints wall time, peak RSS (VmHWM of the
 * child, worker threads included) and the event loop's longest delay while importing.
 * Generated files are cached in $TMPDIR/codecard-hostile-documents. Not part of `npm test`.
 * CODECARD_HOSTILE_NO_WORK_LIMITS=1 lifts the work limits (line, nesting, DOCX XML), leaving
 * the parser threads' heap cap and time limit as the only defence.
 */
interface Case {
  name: string;
  file: string;
  make: () => Buffer;
}

const MB = 1024 * 1024;
/** CODECARD_HOSTILE_CAP_S: the longest a case may run (default 240 s). */
const capSeconds = Number(process.env.CODECARD_HOSTILE_CAP_S ?? 240);
const dir = join(tmpdir(), 'codecard-hostile-documents');

const cases: Case[] = [
  { name: 'text-100mb-one-line', file: 'one-line-100mb.txt', make: () => oneLine(100 * MB) },
  { name: 'text-20mb-one-line', file: 'one-line-20mb.txt', make: () => oneLine(20 * MB) },
  // Within every work limit: what is left is the main thread's share (mentions, storing).
  { name: 'text-20mb-short-lines', file: 'short-lines-20mb.txt', make: () => shortLines(20 * MB) },
  { name: 'markdown-nested-3000', file: 'nested-3000.md', make: () => nestedList(3_000) },
  { name: 'markdown-nested-1000', file: 'nested-1000.md', make: () => nestedList(1_000) },
  { name: 'html-200k-nested-divs', file: 'divs-200k.html', make: () => nestedDivs(200_000) },
  { name: 'docx-121x', file: 'expands-121x.docx', make: () => expandingDocx(360 * MB) },
];

function oneLine(bytes: number): Buffer {
  return Buffer.from(
    'Sample text about code 62321 without a line break. '.repeat(bytes / 50 + 1),
  ).subarray(0, bytes);
}

function shortLines(bytes: number): Buffer {
  const paragraph = 'Sample text about code 62321 in a line of ordinary length.\n'.repeat(8);
  return Buffer.from(`${paragraph}\n`.repeat(bytes / (paragraph.length + 1) + 1)).subarray(
    0,
    bytes,
  );
}

function nestedList(depth: number): Buffer {
  const lines = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- item ${i}`);
  return Buffer.from(`# Nested\n\n${lines.join('\n')}\n`);
}

function nestedDivs(depth: number): Buffer {
  return Buffer.from(
    `<html><body>${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}</body></html>`,
  );
}

/** A DOCX whose document.xml expands about 125x: one varying number per paragraph holds deflate there. */
function expandingDocx(xmlBytes: number): Buffer {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < xmlBytes; i++) {
    const p = `<w:p><w:r><w:t>Paragraph about code 62321 and modifier ${(i * 7919) % 100}.</w:t></w:r></w:p>`;
    parts.push(p);
    size += p.length;
  }
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    parts.join('') +
    '</w:body></w:document>';
  const rels =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  const types =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/></Types>';
  return makeZip([
    { name: '[Content_Types].xml', data: types },
    { name: '_rels/.rels', data: rels },
    { name: 'word/document.xml', data: xml },
  ]);
}

function fixture(c: Case): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, c.file);
  if (!existsSync(path)) writeFileSync(path, c.make());
  return path;
}

/** In the child: one import, measured. */
async function measure(c: Case): Promise<void> {
  if (process.env.CODECARD_HOSTILE_NO_WORK_LIMITS === '1') {
    // Only the heap cap and the time limit stand: shows the pool's backstop on its own.
    const none = Number.MAX_SAFE_INTEGER;
    configureParserPool({
      limits: { maxLineBytes: none, maxNestingDepth: none, maxDocxXmlBytes: none },
    });
  }
  const bytes = readFileSync(fixture(c));
  const library = await openTestLibrary();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  // The histogram records from its second tick on: let the first one happen before importing.
  await new Promise((resolve) => setTimeout(resolve, 30));
  const started = performance.now();
  let outcome: string;
  try {
    const result = await importFile(library.ctx, { fileName: c.file, bytes });
    outcome = `imported ${result.rowsStored} passages`;
  } catch (error) {
    outcome =
      error instanceof CodecardError
        ? `${error.code}: ${error.message}`
        : `crash: ${String(error)}`;
  }
  const wallMs = performance.now() - started;
  // One timer turn, so a block that lasted until the end is recorded too.
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  process.stdout.write(
    `${JSON.stringify({ outcome, wallMs, maxDelayMs: delay.max / 1e6, bytes: bytes.length })}\n`,
  );
  process.exit(0);
}

function vmHwmKb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** In the parent: one child per case, its peak RSS polled from /proc. */
async function runChild(c: Case): Promise<string> {
  fixture(c);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, c.name], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CODECARD_HOSTILE_CASE: '1' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let peakKb = 0;
  const poll = setInterval(() => (peakKb = Math.max(peakKb, vmHwmKb(child.pid))), 20);
  // A case still running after the cap is stopped and reported as such.
  const cap = setTimeout(() => child.kill('SIGKILL'), capSeconds * 1000);
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
    child.once('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal])),
  );
  clearInterval(poll);
  clearTimeout(cap);
  const line = stdout.trim().split('\n').at(-1) ?? '';
  const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;
  if (code !== 0 || !line.startsWith('{')) {
    const last = stderr.trim().split('\n').slice(-3).join(' | ');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    return `${c.name}: process died (code ${code}, signal ${signal}) after ${seconds} s, peak RSS >= ${mb(peakKb)}: ${last.slice(0, 300)}`;
  }
  const result = JSON.parse(line) as {
    outcome: string;
    wallMs: number;
    maxDelayMs: number;
    bytes: number;
  };
  return [
    `${c.name} (${(result.bytes / MB).toFixed(1)} MB): ${result.outcome.slice(0, 200)}`,
    `  wall ${(result.wallMs / 1000).toFixed(2)} s, peak RSS ${mb(peakKb)}, event-loop max delay ${Math.round(result.maxDelayMs)} ms`,
  ].join('\n');
}

const names = process.argv.slice(2);
const own = cases.find((c) => c.name === names[0]);
if (process.env.CODECARD_HOSTILE_CASE === '1' && own) {
  await measure(own);
} else {
  const selected = names.length === 0 ? cases : cases.filter((c) => names.includes(c.name));
  for (const c of selected) process.stdout.write(`${await runChild(c)}\n`);
}
