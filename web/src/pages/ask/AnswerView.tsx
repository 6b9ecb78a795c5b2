import { useMemo } from 'react';
import type { Answer } from '../../../../src/contracts/ask.ts';
import type { Card } from '../../../../src/contracts/cards.ts';
import { Link } from '../../app/router.tsx';
import { Footnotes, type CitationData } from '../../components/citations.ts';
import { cardHref } from '../../components/code-links.ts';
import { FootnoteRefs, SourceList } from '../../components/Footnotes.tsx';
import { useLocale, useT } from '../../i18n/locale-context.tsx';
import { citationsForLine, quoteShown, textBlocks, type TextBlock } from './answer-text.ts';
import { CardSummary, summaryItems } from './CardSummary.tsx';
import { Feedback } from './Feedback.tsx';

const verdictIcons: Record<string, string> = {
  allowed: '✓',
  covered: '✓',
  'modifier-required': '!',
  'not-allowed': '✕',
  'not-covered': '✕',
  'no-edit-found': '?',
  'cannot-tell': '?',
  'no-policy-found': '?',
  valid: '✓',
  'not-billable': '✕',
  ended: '✕',
  'not-yet': '✕',
  'not-in-library': '?',
};

/** The verdict in words with an icon; colour only repeats what the words say. */
export function VerdictBadge({ verdict }: { verdict: string }) {
  const t = useT();
  return (
    <p className={`verdict verdict-${verdict}`}>
      <span className="verdict-icon" aria-hidden="true">
        {verdictIcons[verdict] ?? '•'}
      </span>
      <span className="visually-hidden">{t('ask.verdictLabel')} </span>
      <strong>
        {t(`ask.verdict.${verdict.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`)}
      </strong>
    </p>
  );
}

interface Layout {
  notes: Footnotes;
  blocks: { block: TextBlock; refs: number[][] }[];
  /** Table rows (table-rows answers) with each row's footnote. */
  rows: { cells: string[]; ref: number }[];
  cards: Card[];
  shownLines: string[];
}

/** Numbers the answer's sources in the order a reader meets them. */
function layout(answer: Answer): Layout {
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

/** One answer: verdict, cited text, card summaries, refusal's nearest sources, feedback. */
export function AnswerView({
  answer,
  prefix,
  answerId,
  lang,
}: {
  answer: Answer;
  /** The language the answer's text is in, when known. */
  lang?: string;
  /** Unique per answer on the page (footnote anchors). */
  prefix: string;
  /** The stored answer's id, for feedback. */
  answerId?: string;
}) {
  const { t, locale } = useLocale();
  const { notes, blocks, rows, cards, shownLines } = useMemo(() => layout(answer), [answer]);
  return (
    <div className={`answer answer-${answer.kind}`}>
      {answer.verdict && <VerdictBadge verdict={answer.verdict} />}
      <div className="answer-text" dir="auto" lang={lang && lang !== locale ? lang : undefined}>
        {blocks.map(({ block, refs }, b) =>
          block.kind === 'list' ? (
            <ul key={b}>
              {block.lines.map((line, i) => (
                <li key={i}>
                  {line}
                  <FootnoteRefs numbers={refs[i]!} prefix={prefix} />
                </li>
              ))}
            </ul>
          ) : (
            <p key={b}>
              {block.lines[0]}
              <FootnoteRefs numbers={refs[0]!} prefix={prefix} />
            </p>
          ),
        )}
      </div>
      {answer.table && rows.length > 0 && (
        <div className="table-scroll">
          <table className="answer-table">
            <thead>
              <tr>
                {answer.table.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('ask.rowSource')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {r.cells.map((cell, c) => (
                    <td key={c} dir="auto">
                      {cell}
                    </td>
                  ))}
                  <td>
                    <FootnoteRefs numbers={[r.ref]} prefix={prefix} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cards.length > 0 && (
        <div className="card-summaries">
          {cards.map((card) => (
            <CardSummary
              key={`${card.system}|${card.code}`}
              card={card}
              notes={notes}
              prefix={prefix}
            />
          ))}
        </div>
      )}
      {answer.kind === 'not-found' && answer.nearest && <Nearest nearest={answer.nearest} />}
      <SourceList
        notes={notes.list}
        prefix={prefix}
        heading="h3"
        hideQuote={(note) => quoteShown(note.citation.quote, shownLines)}
      />
      <p className="answer-meta muted">
        <span>{t('ask.confidence', { confidence: answer.confidence })}</span>
        {answer.generatedBy && <span>{t('ask.generatedBy', { model: answer.generatedBy })}</span>}
      </p>
      {answerId && <Feedback answerId={answerId} />}
    </div>
  );
}

function Nearest({ nearest }: { nearest: NonNullable<Answer['nearest']> }) {
  const t = useT();
  if (nearest.codes.length === 0 && nearest.documents.length === 0) return null;
  return (
    <div className="nearest">
      {nearest.codes.length > 0 && (
        <>
          <h3>{t('ask.nearestCodes')}</h3>
          <ul className="inline-list">
            {nearest.codes.map((code) => (
              <li key={code}>
                <Link href={cardHref(code)} aria-label={t('ask.openCard', { code })}>
                  {code}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {nearest.documents.length > 0 && (
        <>
          <h3>{t('ask.nearestDocuments')}</h3>
          <ul>
            {nearest.documents.map((document) => (
              <li key={document.documentId}>
                <Link href={`/library/${document.documentId}`}>{document.title}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
