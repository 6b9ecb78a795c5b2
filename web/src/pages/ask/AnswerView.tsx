import { useMemo } from 'react';
import type { Answer } from '../../../../src/contracts/ask.ts';
import { SourceList } from '../../components/Footnotes.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import { AnswerRowsTable, AnswerText } from './AnswerBody.tsx';
import { layout } from './answer-layout.ts';
import { quoteShown } from './answer-text.ts';
import { CardSummary } from './CardSummary.tsx';
import { Feedback } from './Feedback.tsx';
import { NearestSources } from './NearestSources.tsx';
import { VerdictBadge } from './VerdictBadge.tsx';
import { ForCaseSection } from '../ehr/ForCaseSection.tsx';

/** One answer: verdict, cited text, card summaries, refusal's nearest sources, for this patient, feedback. */
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
  const { t } = useLocale();
  const { notes, blocks, rows, cards, shownLines } = useMemo(() => layout(answer), [answer]);
  return (
    <div className={`answer answer-${answer.kind}`}>
      {answer.verdict && <VerdictBadge verdict={answer.verdict} />}
      <AnswerText blocks={blocks} prefix={prefix} lang={lang} />
      {answer.table && rows.length > 0 && (
        <AnswerRowsTable table={answer.table} rows={rows} prefix={prefix} />
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
      {answer.kind === 'not-found' && answer.nearest && <NearestSources nearest={answer.nearest} />}
      {answer.forCase && <ForCaseSection forCase={answer.forCase} idPrefix={prefix} level={3} />}
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
