import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What an earlier run had fetched of a file when it stopped. */
export interface SavedPart {
  bytes: Buffer;
  /** The ETag or Last-Modified the bytes came with: the next run resumes only if it still holds. */
  validator: string;
  /** The whole file's size as the server gave it (0: not said). */
  total: number;
}

interface PartMeta {
  url: string;
  validator: string;
  total: number;
  startedAt: string;
}

/** A part older than this is a different release by now: it is dropped, not resumed. */
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * A download's bytes so far, on disk beside the uploads, so that a run that failed, was
 * cancelled or was killed mid-file is resumed by the next one (`Range` with `If-Range`) instead
 * of fetched again from the start. Only a download the server gave a validator for is kept: a
 * resume without one could splice two different files. The part is deleted once the file is
 * whole, or when the server says the file changed.
 */
export class PartialDownload {
  private readonly data: string;
  private readonly meta: string;

  constructor(
    dir: string,
    private readonly url: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const name = createHash('sha256').update(url).digest('hex').slice(0, 32);
    this.data = join(dir, `${name}.part`);
    this.meta = join(dir, `${name}.json`);
  }

  /** The bytes an earlier run kept for this URL, if they can still be resumed. */
  load(): SavedPart | null {
    try {
      const meta = JSON.parse(readFileSync(this.meta, 'utf8')) as PartMeta;
      const age = this.now().getTime() - Date.parse(meta.startedAt);
      if (meta.url !== this.url || !(age < MAX_AGE_MS)) {
        this.discard();
        return null;
      }
      const bytes = readFileSync(this.data);
      return bytes.length > 0 ? { bytes, validator: meta.validator, total: meta.total } : null;
    } catch {
      // Nothing kept, or a part a crash left half-written: start afresh.
      this.discard();
      return null;
    }
  }

  /** A fresh copy starts: whatever was kept belongs to another version of the file. */
  begin(validator: string, total: number): void {
    writeFileSync(this.data, '', { mode: 0o600 });
    const meta: PartMeta = { url: this.url, validator, total, startedAt: this.now().toISOString() };
    writeFileSync(this.meta, JSON.stringify(meta), { mode: 0o600 });
  }

  /** Written as it arrives: a killed process keeps what it had. */
  append(chunk: Buffer): void {
    appendFileSync(this.data, chunk);
  }

  discard(): void {
    rmSync(this.data, { force: true });
    rmSync(this.meta, { force: true });
  }
}
