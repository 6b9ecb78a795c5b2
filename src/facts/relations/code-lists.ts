import { detectCodeMentions, type RangeExpander } from '../../library/code-mentions.ts';
import type { CodeSystem } from '../../domain/code-system.ts';

/** A code named in the sentence (modifiers left out: they are never a relation's side). */
export interface CodeSpan {
  system: Exclude<CodeSystem, 'modifier'>;
  code: string;
  start: number;
  end: number;
}

/** One side of a relation: codes when the text names codes, else the text phrase. */
export interface Items {
  values: string[];
  start: number;
  end: number;
  /** True when the values are codes (false: a phrase such as "imaging guidance"). */
  codes: boolean;
}

export function codeSpans(sentence: string, expandRange?: RangeExpander): CodeSpan[] {
  const spans: CodeSpan[] = [];
  for (const m of detectCodeMentions(sentence, expandRange)) {
    if (m.system !== 'modifier') {
      spans.push({ system: m.system, code: m.code, start: m.start, end: m.end });
    }
  }
  return spans;
}

// Between two codes of one list: "62321, 62323 or 62325", "64483 and/or 64484", "62321/62323".
const listGap =
  /^\s*(?:[,/&\-–—]\s*)?(?:(?:and\/or|and|or|nor|through|thru|plus|y|o)\s+)?(?:(?:CPT|HCPCS)\s+)?(?:codes?\s+)?$/i;
// What may precede the first code of a list: "code 77003", "CPT codes 62321", "the codes 62321".
const listLead =
  /^\s*(?:(?:the|any|all|either|both)\s+)?(?:(?:CPT|HCPCS|add-on|primary)\s+)?(?:codes?\s+)?(?:of\s+)?$/i;

/** Groups the spans that belong together: a range's codes share one span. */
export function groups(spans: readonly CodeSpan[]): CodeSpan[][] {
  const result: CodeSpan[][] = [];
  for (const span of spans) {
    const last = result.at(-1);
    if (last?.[0] && last[0].start === span.start && last[0].end === span.end) last.push(span);
    else result.push([span]);
  }
  return result;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** The code list that starts right at `from` (after "code(s)" and the like), if any. */
export function codeListAt(
  sentence: string,
  spans: readonly CodeSpan[],
  from: number,
  limit = sentence.length,
): Items | null {
  const all = groups(spans.filter((s) => s.start >= from && s.end <= limit));
  const first = all[0]?.[0];
  if (!first || !listLead.test(sentence.slice(from, first.start))) return null;
  return extendList(sentence, all, 0);
}

/** The code list that ends closest to `before` within [from, before), if any. */
export function codeListBefore(
  sentence: string,
  spans: readonly CodeSpan[],
  from: number,
  before: number,
): Items | null {
  const all = groups(spans.filter((s) => s.start >= from && s.end <= before));
  if (all.length === 0) return null;
  let first = all.length - 1;
  while (first > 0) {
    const previous = all[first - 1]?.[0];
    const current = all[first]?.[0];
    if (!previous || !current || !listGap.test(sentence.slice(previous.end, current.start))) break;
    first--;
  }
  return extendList(sentence, all.slice(first), 0);
}

/** The list that starts with group `index` and goes on while only list gaps separate the groups. */
export function extendList(sentence: string, all: CodeSpan[][], index: number): Items | null {
  const head = all[index];
  const first = head?.[0];
  if (!head || !first) return null;
  const values = head.map((s) => s.code);
  let end = first.end;
  for (let i = index + 1; i < all.length; i++) {
    const group = all[i];
    const next = group?.[0];
    if (!group || !next || !listGap.test(sentence.slice(end, next.start))) break;
    values.push(...group.map((s) => s.code));
    end = next.end;
  }
  return { values: unique(values), start: first.start, end, codes: true };
}

/** Codes anywhere in [from, to), grouped as lists. */
export function codesWithin(spans: readonly CodeSpan[], from: number, to: number): Items | null {
  const inside = spans.filter((s) => s.start >= from && s.end <= to);
  const first = inside[0];
  const last = inside.at(-1);
  if (!first || !last) return null;
  return {
    values: unique(inside.map((s) => s.code)),
    start: first.start,
    end: last.end,
    codes: true,
  };
}
