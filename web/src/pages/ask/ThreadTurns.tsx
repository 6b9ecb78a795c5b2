import type { Answer } from '../../../../src/contracts/ask.ts';
import { useT } from '../../i18n/locale-context.tsx';
import { AnswerView } from './AnswerView.tsx';

/** A question in the thread and, once it has come, its answer. */
export interface Turn {
  key: string;
  question: string;
  answer?: Answer;
  /** The stored answer's id (feedback refers to it). */
  answerId?: string;
  /** The language the answer was asked in (its fixed wording is in it). */
  lang: string;
}

/** The thread: each question as a heading (focusable) and its answer, or "answering…". */
export function ThreadTurns({
  turns,
  headings,
}: {
  turns: Turn[];
  /** Each turn's heading by its key, so the page can move focus to an answer. */
  headings: Map<string, HTMLHeadingElement>;
}) {
  const t = useT();
  return (
    <ol className="thread" aria-label={t('ask.threadLabel')}>
      {turns.map((turn, i) => {
        const headingId = `turn-${i + 1}`;
        return (
          <li key={turn.key} className="turn">
            <article aria-labelledby={headingId} aria-busy={!turn.answer}>
              <h2
                id={headingId}
                tabIndex={-1}
                className="turn-question"
                dir="auto"
                ref={(element) => {
                  if (element) headings.set(turn.key, element);
                  else headings.delete(turn.key);
                }}
              >
                <span className="visually-hidden">{t('ask.youAsked')} </span>
                {turn.question}
              </h2>
              {turn.answer ? (
                <AnswerView
                  answer={turn.answer}
                  prefix={`answer-${i + 1}`}
                  lang={turn.lang}
                  {...(turn.answerId ? { answerId: turn.answerId } : {})}
                />
              ) : (
                <p className="muted answering">{t('ask.answering')}</p>
              )}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
