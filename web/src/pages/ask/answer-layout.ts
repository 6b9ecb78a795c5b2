import type { Answer } from '../../../../src/contracts/ask.ts';
import type { Card } from '../../../../src/contracts/cards.ts';
import { Footnotes, type CitationData } from '../../components/citations.ts';
import { citationsForLine, textBlocks, type TextBlock } from './answer-text.ts';
import { summaryItems } from './CardSummary.tsx';

export interface Layout {
  notes: Footnotes;
  blocks: { block: TextBlock; refs: number[][] }[];
  /** Table rows (table-rows answers) with each row's footnote. */
  rows: { cells: string[]; ref: number }[];
  cards: Card[];
  shownLines: string[];
}

/** Numbers the answer's sources in the order a reader meets them. */
export function layout(answer: Answer): Layout {
  const notes = new Footnotes();
  const citations: CitationData[] = answer.citations;
  // A card answer's text repeats the descriptors its cards show: its first line introduces them.
  const text =
    answer.kind === 'card' && answer.cards?.length ? answer.text.split('\n')[0]! : answer.text;
  // Rows and code-search hits are listed in the order of their citations, one each.
  const byRow = answer.kind === 'table-rows' || answer.kind === 'code-search';
  // A table's rows are drawn as a table, so its text keeps only the lines around them.
  const shown = answer.table ? textBlocks(text).filter((b) => b.kind !== 'list') : textBlocks(text);
  let row = 0;
  const blocks = shown.map((block) => ({
    block,
    refs: block.lines.map((line) =>
      byRow && block.kind === 'list'
        ? citations[row] === undefined
          ? []
          : [notes.add(citations[row++]!)]
        : notes.addAll(citationsForLine(line, citations)),
    ),
  }));
  const rows = (answer.table?.rows ?? []).map((r) => ({
    cells: r.cells,
    ref: notes.add(r.citation),
  }));
  const cards = answer.cards ?? [];
  for (const card of cards) for (const { item } of summaryItems(card)) notes.addAll(item.citations);
  notes.addAll(citations);
  return { notes, blocks, rows, cards, shownLines: blocks.flatMap((b) => b.block.lines) };
}
