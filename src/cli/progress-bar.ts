import type { ImportProgress, ProgressListener } from '../library/import-progress.ts';

const WIDTH = 24;
const REDRAW_MS = 100;

/**
 * A one-line progress bar on a terminal (rows, rows/s, ETA). Off a terminal it stays silent,
 * so piped output and --json stay clean.
 */
export function terminalProgress(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  let lastDraw = 0;
  let drawn = false;
  const listener: ProgressListener = (progress: ImportProgress) => {
    if (!stream.isTTY) return;
    const now = performance.now();
    if (now - lastDraw < REDRAW_MS && progress.phase !== 'done') return;
    lastDraw = now;
    drawn = true;
    stream.write(`\r\x1b[K${render(label, progress, (now - started) / 1000)}`);
  };
  const end = () => {
    if (drawn && stream.isTTY) stream.write('\r\x1b[K');
  };
  return { listener, end };
}

export function render(label: string, progress: ImportProgress, seconds: number): string {
  const { phase, done, total } = progress;
  const rate = seconds > 0 ? done / seconds : 0;
  if (total <= 0) return `${label} ${phase}… ${format(done)} rows`;
  const share = Math.min(done / total, 1);
  const filled = Math.round(share * WIDTH);
  const eta = rate > 0 && done < total ? ` ETA ${Math.ceil((total - done) / rate)}s` : '';
  return (
    `${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${Math.floor(share * 100)}% ` +
    `${format(done)}/${format(total)} rows ${format(Math.round(rate))} rows/s${eta} ${phase}`
  );
}

const format = (n: number) => n.toLocaleString('en-US');
