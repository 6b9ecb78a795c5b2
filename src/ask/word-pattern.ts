/**
 * A case-insensitive pattern of whole words in any script. JavaScript's `\b` only knows ASCII
 * letters, so "единиц" or "unités" would never match between `\b`s; letter lookarounds do.
 * `standalone` alternatives (Chinese, Korean, Arabic words written without spaces) match anywhere.
 */
export function wordPattern(words: string, standalone = ''): RegExp {
  const bounded = `(?<![\\p{L}\\p{N}])(?:${words})(?![\\p{L}\\p{N}])`;
  return new RegExp(standalone ? `${bounded}|${standalone}` : bounded, 'iu');
}
