/** A piece of a text item to highlight: `from`/`to` are fractions of the item's width. */
export interface ItemSpan {
  index: number;
  from: number;
  to: number;
}

/** Text the way a PDF's text items and a stored passage can both be compared: no spacing. */
function comparable(char: string): string {
  return char
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u00ad\u200b]/g, '')
    .replace(/[“”„«»]/g, '"')
    .replace(/[‘’‚]/g, "'")
    .replace(/[‐‑‒–—]/g, '-');
}

/**
 * Where a quoted span lies among a page's text items, matched on normalized text (case, spaces,
 * soft hyphens and quote styles ignored): the items it covers and how much of each. Null when
 * the page does not contain it.
 */
export function matchQuote(items: readonly { str: string }[], quote: string): ItemSpan[] | null {
  const target = [...quote].map(comparable).join('');
  if (target.length < 3) return null;
  // One string of the page's comparable text, each character remembering its item and place.
  let stream = '';
  const origin: { index: number; at: number }[] = [];
  items.forEach((item, index) => {
    const chars = [...item.str];
    chars.forEach((char, at) => {
      for (const piece of comparable(char)) {
        stream += piece;
        origin.push({ index, at });
      }
    });
  });
  let start = stream.indexOf(target);
  if (start < 0) {
    // A line-end hyphen in the PDF ("adhe-" "sions") is not in the passage text.
    const dehyphenated = stream.replace(/-/g, '');
    const at = dehyphenated.indexOf(target.replace(/-/g, ''));
    if (at < 0) return null;
    const kept: number[] = [];
    for (let i = 0; i < stream.length; i++) if (stream[i] !== '-') kept.push(i);
    start = kept[at]!;
    const end = kept[at + target.replace(/-/g, '').length - 1]!;
    return spans(items, origin, start, end);
  }
  return spans(items, origin, start, start + target.length - 1);
}

function spans(
  items: readonly { str: string }[],
  origin: readonly { index: number; at: number }[],
  first: number,
  last: number,
): ItemSpan[] {
  const byItem = new Map<number, { from: number; to: number }>();
  for (let i = first; i <= last; i++) {
    const { index, at } = origin[i]!;
    const span = byItem.get(index);
    if (span) span.to = Math.max(span.to, at + 1);
    else byItem.set(index, { from: at, to: at + 1 });
  }
  return [...byItem.entries()].map(([index, { from, to }]) => {
    const length = [...items[index]!.str].length || 1;
    return { index, from: from / length, to: to / length };
  });
}

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

type Matrix = readonly number[];

/** The product of two PDF transformation matrices (pdf.js `Util.transform`). */
export function multiply(m1: Matrix, m2: Matrix): number[] {
  const [a1 = 0, b1 = 0, c1 = 0, d1 = 0, e1 = 0, f1 = 0] = m1;
  const [a2 = 0, b2 = 0, c2 = 0, d2 = 0, e2 = 0, f2 = 0] = m2;
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

/**
 * The rectangle of part of a text item on the rendered page, in the viewport's pixels: from its
 * baseline origin up by the font height, across the given fraction of its width.
 */
export function itemRect(
  item: { transform: Matrix; width: number },
  span: { from: number; to: number },
  viewport: { transform: Matrix; scale: number },
): Rect {
  const m = multiply(viewport.transform, item.transform);
  const fontHeight = Math.hypot(m[2]!, m[3]!);
  const width = item.width * viewport.scale;
  return {
    left: m[4]! + width * span.from,
    top: m[5]! - fontHeight,
    width: width * (span.to - span.from),
    height: fontHeight * 1.2,
  };
}
