import { TimeSlice } from '../domain/time-slice.ts';

// Open ends of a period, as Int32 day numbers.

/**
 * PTP edits of one setting in columns (typed arrays), sorted by the ordered code pair so a pair
 * is found by binary search: ~25 bytes an edit instead of a JS object and a locator string.
 */
export class PtpTable {
  private size = 0;
  private capacity = 1024;
  keys = new Float64Array(this.capacity);
  column1 = new Int32Array(this.capacity);
  column2 = new Int32Array(this.capacity);
  from = new Int32Array(this.capacity);
  until = new Int32Array(this.capacity);
  indicator = new Uint8Array(this.capacity);
  source = new Uint16Array(this.capacity);
  /** Bit 1: the row states its own start date; bit 2: its own end (deletion) date. */
  stated = new Uint8Array(this.capacity);
  /** The rationale's id in the index's rationale list, 0 for none. */
  rationale = new Uint16Array(this.capacity);
  /** The row's line number when its locator is "line N"; otherwise -1 and the text in `locators`. */
  line = new Int32Array(this.capacity);
  readonly locators = new Map<number, string>();
  /**
   * Set by finish(): where each column 1 code id's edits start in the sorted arrays (they are
   * contiguous), so a lookup searches only that code's few hundred edits, not two million.
   */
  private starts = new Int32Array(0);

  get length(): number {
    return this.size;
  }

  push(
    column1: number,
    column2: number,
    indicator: number,
    from: number,
    until: number,
    source: number,
    locator: string,
    stated = 0,
    rationale = 0,
  ): void {
    if (this.size === this.capacity) this.grow();
    const i = this.size++;
    this.keys[i] = pairKey(column1, column2);
    this.column1[i] = column1;
    this.column2[i] = column2;
    this.indicator[i] = indicator;
    this.from[i] = from;
    this.until[i] = until;
    this.source[i] = source;
    this.stated[i] = stated;
    this.rationale[i] = rationale;
    const match = /^line (\d+)$/.exec(locator);
    this.line[i] = match ? Number(match[1]) : -1;
    if (!match) this.locators.set(i, locator);
  }

  /**
   * Sorts the edits by pair once all are in; lookups need it. A counting sort by column 1 (which
   * also gives each code's first edit, see `starts`) and then a small sort of each code's edits
   * by column 2, with a turn of the event loop whenever it has run for a few milliseconds: one
   * comparison sort of two million edits held the embedded server for seconds.
   */
  async finish(): Promise<void> {
    const size = this.size;
    let max = -1;
    for (let i = 0; i < size; i++) max = Math.max(max, this.column1[i]!);
    const starts = new Int32Array(max + 2);
    for (let i = 0; i < size; i++) starts[this.column1[i]! + 1]!++;
    for (let c = 1; c < starts.length; c++) starts[c]! += starts[c - 1]!;
    const next = starts.slice(0, max + 1);
    const order = new Uint32Array(size);
    for (let i = 0; i < size; i++) order[next[this.column1[i]!]!++] = i;
    const keys = this.keys;
    const byPair = (a: number, b: number) => keys[a]! - keys[b]! || a - b;
    const slice = new TimeSlice();
    for (let c = 0; c <= max; c++) {
      if (starts[c + 1]! - starts[c]! > 1) order.subarray(starts[c], starts[c + 1]).sort(byPair);
      if ((c & 255) === 0) await slice.yieldIfSpent();
    }
    const permute = <T extends Float64Array | Int32Array | Uint8Array | Uint16Array>(
      array: T,
      make: (n: number) => T,
    ): T => {
      const out = make(size);
      for (let i = 0; i < size; i++) out[i] = array[order[i]!]!;
      return out;
    };
    const locators = new Map<number, string>();
    for (let i = 0; i < size; i++) {
      const text = this.locators.get(order[i]!);
      if (text !== undefined) locators.set(i, text);
    }
    this.keys = permute(this.keys, (n) => new Float64Array(n));
    this.column1 = permute(this.column1, (n) => new Int32Array(n));
    this.column2 = permute(this.column2, (n) => new Int32Array(n));
    await slice.yieldIfSpent();
    this.from = permute(this.from, (n) => new Int32Array(n));
    this.until = permute(this.until, (n) => new Int32Array(n));
    this.indicator = permute(this.indicator, (n) => new Uint8Array(n));
    await slice.yieldIfSpent();
    this.source = permute(this.source, (n) => new Uint16Array(n));
    this.stated = permute(this.stated, (n) => new Uint8Array(n));
    this.rationale = permute(this.rationale, (n) => new Uint16Array(n));
    this.line = permute(this.line, (n) => new Int32Array(n));
    this.locators.clear();
    for (const [i, text] of locators) this.locators.set(i, text);
    this.capacity = size;
    this.starts = starts;
  }

  /** Indexes of the edits for the ordered pair (column 1, column 2). */
  find(column1: number, column2: number): readonly number[] {
    if (column1 + 1 >= this.starts.length) return none;
    const key = pairKey(column1, column2);
    let low = this.starts[column1]!;
    let high = this.starts[column1 + 1]!;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.keys[mid]! < key) low = mid + 1;
      else high = mid;
    }
    // Most line pairs have no edit: answer those without allocating.
    if (low >= this.size || this.keys[low] !== key) return none;
    const found: number[] = [];
    for (let i = low; i < this.size && this.keys[i] === key; i++) found.push(i);
    return found;
  }

  locator(i: number): string {
    const line = this.line[i]!;
    return line >= 0 ? `line ${line}` : (this.locators.get(i) ?? '');
  }

  private grow(): void {
    this.capacity *= 2;
    const widen = <T extends Float64Array | Int32Array | Uint8Array | Uint16Array>(
      array: T,
      make: (n: number) => T,
    ): T => {
      const out = make(this.capacity);
      out.set(array);
      return out;
    };
    this.keys = widen(this.keys, (n) => new Float64Array(n));
    this.column1 = widen(this.column1, (n) => new Int32Array(n));
    this.column2 = widen(this.column2, (n) => new Int32Array(n));
    this.from = widen(this.from, (n) => new Int32Array(n));
    this.until = widen(this.until, (n) => new Int32Array(n));
    this.indicator = widen(this.indicator, (n) => new Uint8Array(n));
    this.source = widen(this.source, (n) => new Uint16Array(n));
    this.stated = widen(this.stated, (n) => new Uint8Array(n));
    this.rationale = widen(this.rationale, (n) => new Uint16Array(n));
    this.line = widen(this.line, (n) => new Int32Array(n));
  }
}

const none: readonly number[] = Object.freeze([]);

// Code ids stay below 2^21, so the ordered pair packs into one exact double.
const pairKey = (column1: number, column2: number) => column1 * 2_097_152 + column2;

export const START_STATED = 1;
export const END_STATED = 2;
