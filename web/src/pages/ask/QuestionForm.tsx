import type { RefObject } from 'react';
import { CodeCombobox } from '../../components/CodeCombobox.tsx';
import { useT } from '../../i18n/locale-context.tsx';

/** The question box (with code suggestions), its hint, the ask button and why a question failed. */
export function QuestionForm({
  hasThread,
  input,
  question,
  onQuestion,
  pending,
  askError,
  onAsk,
}: {
  hasThread: boolean;
  input: RefObject<HTMLInputElement | null>;
  question: string;
  onQuestion: (value: string) => void;
  pending: boolean;
  askError: string | null;
  onAsk: () => void;
}) {
  const t = useT();
  return (
    <form
      className="ask-form no-print"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onAsk();
      }}
    >
      <label htmlFor="question" className="ask-label">
        {hasThread ? t('ask.followUpLabel') : t('ask.questionLabel')}
      </label>
      <p id="question-hint" className="muted ask-hint">
        {t('ask.hint')}
      </p>
      <div className="ask-row">
        <CodeCombobox
          id="question"
          inputRef={input}
          value={question}
          onValueChange={onQuestion}
          maxLength={2000}
          aria-describedby={askError ? 'question-hint question-error' : 'question-hint'}
          aria-invalid={askError ? true : undefined}
        />
        <button type="submit">{pending ? t('ask.asking') : t('ask.submit')}</button>
      </div>
      {askError && (
        <p id="question-error" role="alert" className="error">
          {askError}
        </p>
      )}
    </form>
  );
}
