import { instructionFlags } from '../domain/instruction-like.ts';
import { splitSentences } from '../library/text/sentence-splitter.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { rangeExpanderFor } from '../library/store/range-expander.ts';
import { libraryVersionCache } from '../rules/library-version-cache.ts';
import { findPassagesMatching } from './alias-passages.repository.ts';
import { readAliases } from './alias-reader.ts';
import type { Citation } from '../domain/citation.ts';
import { passageCitation } from '../library/citations.ts';

export interface Alias {
  name: string;
  codes: string[];
  citation: Citation;
}

/** Sentences that name something else pass this cheap filter before relation extraction. */
const aliasCue =
  '(known as|called|referred to|named|nicknamed|dubbed|other names|llamad|conocid|denominad|appel|nomm|genannt|bekannt|bezeichnet|code|código|代码|也叫|也称|又称|俗称|又叫|يسمى|المعروف|رمز)';
const MIN_NAME_LENGTH = 4;
const cjk = /[\p{Script=Han}\p{Script=Hangul}]/u;

/** Names the library gives codes ("62264 is often referred to as the Racz procedure"). */
export class AliasIndex {
  readonly aliases: Alias[] = [];

  /** Aliases whose name the question contains as whole words (longest names first). */
  find(question: string): Alias[] {
    const text = ` ${normalizeName(question)} `;
    // Chinese and Korean names sit inside longer runs without spaces: match them as substrings.
    return this.aliases.filter((alias) =>
      cjk.test(alias.name) ? text.includes(alias.name) : text.includes(` ${alias.name} `),
    );
  }

  add(name: string, codes: string[], citation: Citation): void {
    const normalized = normalizeName(name);
    if (normalized.length < MIN_NAME_LENGTH || codes.length === 0) return;
    const known = this.aliases.find((a) => a.name === normalized);
    if (known) {
      for (const code of codes) if (!known.codes.includes(code)) known.codes.push(code);
      return;
    }
    this.aliases.push({ name: normalized, codes: [...codes], citation });
    this.aliases.sort((a, b) => b.name.length - a.name.length);
  }
}

/** Lower case, letters and digits only, single spaces, a leading article dropped. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(?:the|a|an|el|la|los|las|le|les|der|die|das)\s+/u, '');
}

async function buildAliasIndex(ctx: LibraryContext): Promise<AliasIndex> {
  const rows = await findPassagesMatching(ctx, aliasCue);
  const expand = await rangeExpanderFor(
    ctx,
    rows.map((r) => r.text),
  );
  const index = new AliasIndex();
  for (const passage of rows) {
    // A planted instruction names no alias: its sentences are blanked (offsets kept).
    for (const alias of readAliases(withoutInstructionSentences(passage.text), expand)) {
      index.add(alias.name, alias.codes, passageCitation(passage, alias.start, alias.end));
    }
  }
  return index;
}

function withoutInstructionSentences(text: string): string {
  const sentences = splitSentences(text);
  const flags = instructionFlags(sentences.map((s) => s.text));
  let kept = text;
  sentences.forEach((s, at) => {
    if (flags[at]) kept = kept.slice(0, s.start) + ' '.repeat(s.end - s.start) + kept.slice(s.end);
  });
  return kept;
}

/** The org's aliases, rebuilt when its documents change. */
export const aliasIndexFor = libraryVersionCache('reference', buildAliasIndex);
