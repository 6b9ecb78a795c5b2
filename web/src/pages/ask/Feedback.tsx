import { useId, useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { useT } from '../../i18n/locale-context.tsx';

type Vote = 'up' | 'down';
type Status = 'idle' | 'sending' | 'recorded' | 'commented' | 'failed';

/** Thumbs up or down on an answer, then an optional comment. */
export function Feedback({ answerId }: { answerId: string }) {
  const t = useT();
  const id = useId();
  const [vote, setVote] = useState<Vote | null>(null);
  const [status, setStatus] = useState<Status>('idle');

  const [sent, setSent] = useState<{ vote: Vote; text?: string | undefined } | null>(null);
  useApi(sent && `/api/answers/${encodeURIComponent(answerId)}/feedback`, {
    init: {
      method: 'POST',
      body: JSON.stringify({ vote: sent?.vote, ...(sent?.text ? { comment: sent.text } : {}) }),
    },
    key: sent,
    onSuccess: () => setStatus(sent?.text ? 'commented' : 'recorded'),
    onError: () => setStatus('failed'),
  });

  const send = (next: Vote, text?: string) => {
    // Buttons stay enabled (a disabled button drops keyboard focus); a second click waits.
    if (status === 'sending') return;
    setStatus('sending');
    setSent({ vote: next, text });
  };

  const choose = (next: Vote) => {
    if (status === 'sending') return;
    setVote(next);
    send(next);
  };

  const statusText =
    status === 'recorded'
      ? t('ask.feedback.recorded')
      : status === 'commented'
        ? t('ask.feedback.commented')
        : status === 'failed'
          ? t('ask.feedback.failed')
          : '';

  return (
    <div className="feedback no-print">
      <div role="group" aria-labelledby={`${id}-label`} className="feedback-votes">
        <span id={`${id}-label`}>{t('ask.feedback.question')}</span>
        <button
          type="button"
          className="secondary"
          aria-pressed={vote === 'up'}
          onClick={() => choose('up')}
        >
          <span aria-hidden="true">👍 </span>
          {t('ask.feedback.up')}
        </button>
        <button
          type="button"
          className="secondary"
          aria-pressed={vote === 'down'}
          onClick={() => choose('down')}
        >
          <span aria-hidden="true">👎 </span>
          {t('ask.feedback.down')}
        </button>
      </div>
      {vote && status !== 'commented' && (
        <FeedbackComment id={id} onSend={(comment) => send(vote, comment)} />
      )}
      <p role="status" className="feedback-status">
        {statusText}
      </p>
    </div>
  );
}

/** The optional comment after a vote. */
function FeedbackComment({ id, onSend }: { id: string; onSend: (comment: string) => void }) {
  const t = useT();
  const [comment, setComment] = useState('');
  return (
    <form
      className="feedback-comment"
      onSubmit={(event) => {
        event.preventDefault();
        if (comment.trim()) onSend(comment.trim());
      }}
    >
      <label htmlFor={`${id}-comment`}>{t('ask.feedback.commentLabel')}</label>
      <textarea
        id={`${id}-comment`}
        rows={2}
        maxLength={2000}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
      />
      <button type="submit" className="secondary">
        {t('ask.feedback.send')}
      </button>
    </form>
  );
}
