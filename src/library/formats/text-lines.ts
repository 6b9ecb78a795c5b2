/**
 * The lines of a text given as pieces that each end at a line end (a whole text is one piece;
 * `LineSlices.slices()` gives many), without their line ends (LF or CRLF): one indexOf and one
 * slice per line, lazily, as CMS tables run to millions of lines. A final line end starts no
 * empty line.
 */
export function* linesOf(pieces: Iterable<string>): Generator<string> {
  for (const text of pieces) {
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      yield text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
      start = end + 1;
    }
  }
}
