import { MAX_STREAMED_CLAIMS } from './claim-limits.ts';
import { badInput } from './json-claims.ts';

const INITIAL_SLOTS = 1 << 12;
const MAX_LOAD = 0.75;

/**
 * Duplicate claim ids in a stream, in bounded memory. `ClaimIdRegistry` keeps every id string
 * (fine up to MAX_CLAIMS for a whole file); a stream of millions of claims keeps a 64-bit hash
 * of each id and the line it was on instead: 12 bytes a slot, about 16-32 bytes a claim (1M
 * claims: ~25 MB), and at most MAX_STREAMED_CLAIMS claims. Two different ids with the same
 * 64-bit hash would be reported as a duplicate; for 5M ids the chance is below one in a million.
 */
export class StreamedClaimIds {
  private hi = new Uint32Array(INITIAL_SLOTS);
  private lo = new Uint32Array(INITIAL_SLOTS);
  /** 1-based line of each id's first use; 0 marks an empty slot. */
  private line = new Uint32Array(INITIAL_SLOTS);
  private count = 0;

  constructor(private readonly source: string) {}

  add(id: string, lineNumber: number): void {
    if (this.count >= MAX_STREAMED_CLAIMS) {
      throw badInput(
        `${this.source}: line ${lineNumber}: more than ${MAX_STREAMED_CLAIMS} claims in one stream`,
      );
    }
    hash64(id);
    const first = this.insert(hashHi, hashLo, lineNumber);
    if (first !== 0) {
      throw badInput(
        `${this.source}: line ${lineNumber}: claim id "${id}" is already used at line ${first}`,
      );
    }
    this.count++;
    if (this.count > this.line.length * MAX_LOAD) this.grow();
  }

  /** Linear probing; returns the line of an equal hash already present, or 0 once inserted. */
  private insert(hi: number, lo: number, lineNumber: number): number {
    const mask = this.line.length - 1;
    for (let slot = lo & mask; ; slot = (slot + 1) & mask) {
      const seen = this.line[slot]!;
      if (seen === 0) {
        this.hi[slot] = hi;
        this.lo[slot] = lo;
        this.line[slot] = lineNumber;
        return 0;
      }
      if (this.hi[slot] === hi && this.lo[slot] === lo) return seen;
    }
  }

  private grow(): void {
    const { hi, lo, line } = this;
    this.hi = new Uint32Array(line.length * 2);
    this.lo = new Uint32Array(line.length * 2);
    this.line = new Uint32Array(line.length * 2);
    for (let slot = 0; slot < line.length; slot++) {
      if (line[slot] !== 0) this.insert(hi[slot]!, lo[slot]!, line[slot]!);
    }
  }
}

// The two halves of the last hash, kept in module state so hashing allocates nothing.
let hashHi = 0;
let hashLo = 0;

/** cyrb53's two 32-bit lanes (a public-domain string hash), kept whole as 64 bits. */
function hash64(text: string): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  hashHi = h1 >>> 0;
  hashLo = h2 >>> 0;
}
