import { terminalSafe } from './terminal-safe.ts';
import type { ImportProgress, ProgressListener } from '../library/import-progress.ts';

const WIDTH = 24;
const REDRAW_MS = 100;

/**
 * One status line on a terminal, redrawn at most every 100 ms. Off a terminal it stays silent,
 * so piped output and --json stay clean.
 */
export function terminalLine(stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  let lastDraw = 0;
  let drawn = false;
  /** `text` gets the seconds since the start; `force` draws even within the redraw interval. */
  const draw = (text: (seconds: number) => string, force = false) => {
    if (!stream.isTTY) return;
    const now = performance.now();
    if (now - lastDraw < REDRAW_MS && !force) return;
    lastDraw = now;
    drawn = true;
    stream.write(`\r\x1b[K${terminalSafe(text((now - started) / 1000))}`);
  };
  const end = () => {
    if (drawn && stream.isTTY) stream.write('\r\x1b[K');
  };
  return { draw, end };
}

/** A one-line progress bar for an import (rows, rows/s, ETA). */
export function terminalProgress(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const line = terminalLine(stream);
  const listener: ProgressListener = (progress: ImportProgress) =>
    line.draw((seconds) => render(label, progress, seconds), progress.phase === 'done');
  return { listener, end: line.end };
}

/** Share, count, rate and time left of `total` things (`unit`: rows, claims). */
export function render(
  label: string,
  progress: { phase: string; done: number; total: number },
  seconds: number,
  unit = 'rows',
): string {
  const { phase, done, total } = progress;
  const rate = seconds > 0 ? done / seconds : 0;
  if (total <= 0) return `${label} ${phase}… ${format(done)} ${unit}`;
  const share = Math.min(done / total, 1);
  const eta = rate > 0 && done < total ? ` ETA ${Math.ceil((total - done) / rate)}s` : '';
  return (
    `${label} ${bar(share)} ${format(done)}/${format(total)} ${unit} ` +
    `${format(Math.round(rate))} ${unit}/s${eta} ${phase}`
  );
}

/**
 * Progress of a stream whose item count is unknown until its end: items so far and their rate,
 * with share and time left taken from the bytes read when the input's size is known.
 */
export function renderStream(
  label: string,
  progress: { done: number; bytesRead: number; totalBytes: number | undefined },
  seconds: number,
  unit: string,
): string {
  const { done, bytesRead, totalBytes } = progress;
  const rate = seconds > 0 ? done / seconds : 0;
  const counted = `${format(done)} ${unit} ${format(Math.round(rate))} ${unit}/s`;
  if (!totalBytes) return `${label} ${counted} ${megabytes(bytesRead)} MB read`;
  const share = Math.min(bytesRead / totalBytes, 1);
  const byteRate = seconds > 0 ? bytesRead / seconds : 0;
  const eta =
    byteRate > 0 && bytesRead < totalBytes
      ? ` ETA ${Math.ceil((totalBytes - bytesRead) / byteRate)}s`
      : '';
  return `${label} ${bar(share)} ${megabytes(bytesRead)}/${megabytes(totalBytes)} MB ${counted}${eta}`;
}

function bar(share: number): string {
  const filled = Math.round(share * WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${Math.floor(share * 100)}%`;
}

const format = (n: number) => n.toLocaleString('en-US');
const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);
