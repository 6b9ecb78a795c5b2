import { useEffect, useRef } from 'react';
import { matchPath, useLocation } from '../../app/router.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import { QuestionForm } from './QuestionForm.tsx';
import { ThreadTurns } from './ThreadTurns.tsx';
import { useAskThread } from './use-ask-thread.ts';
import './ask.css';
import { focusSoon } from './thread-state.ts';

/**
 * Ask: a question box with code suggestions; each question and its cited answer in a thread.
 * `/` is a new thread (Start New adds `?new=` to reset it), `/threads/:id` a stored one.
 */
export function AskPage() {
  const { t } = useLocale();
  const { path, query } = useLocation();
  const routeThreadId = matchPath('/threads/:id', path)?.id ?? null;
  const startNew = query.get('new');
  const input = useRef<HTMLInputElement>(null);
  const headings = useRef(new Map<string, HTMLHeadingElement>());
  const thread = useAskThread(input);
  const { reset, loadThread, threadRef, focusTurn } = thread;

  // The address decides the thread: a new one at `/` (and on every Start New), else the stored one.
  const lastStartNew = useRef(startNew);
  useEffect(() => {
    const startedNew = startNew !== lastStartNew.current;
    lastStartNew.current = startNew;
    if (routeThreadId === null) {
      if (threadRef.current !== null || startedNew) reset();
      if (startedNew) focusSoon(() => input.current);
      return;
    }
    if (routeThreadId !== threadRef.current) loadThread(routeThreadId);
  }, [routeThreadId, startNew, reset, loadThread, threadRef]);

  // After the commit that shows the answer (and, for a first question, the thread's address,
  // where the shell focuses <main>), the answer's heading takes focus.
  useEffect(() => {
    if (focusTurn === null) return;
    const timer = focusSoon(() => headings.current.get(focusTurn));
    return () => clearTimeout(timer);
  }, [focusTurn]);

  const hasThread = thread.threadId !== null || thread.turns.length > 0;
  return (
    <div className="ask-page">
      <h1 className={hasThread ? 'visually-hidden' : undefined}>{t('ask.title')}</h1>
      {!hasThread && <p className="muted">{t('ask.intro')}</p>}

      {thread.load.loading && (
        <p aria-busy="true" className="muted">
          {t('ask.loadingThread')}
        </p>
      )}
      {thread.load.error && (
        <LoadError
          message={thread.load.error.message}
          onRetry={routeThreadId ? thread.load.reload : undefined}
        />
      )}
      {thread.turns.length > 0 && <ThreadTurns turns={thread.turns} headings={headings.current} />}

      <QuestionForm
        hasThread={hasThread}
        input={input}
        question={thread.question}
        onQuestion={(value) => {
          thread.setQuestion(value);
          if (thread.askError) thread.setAskError(null);
        }}
        pending={thread.pending}
        askError={thread.askError}
        onAsk={() => void thread.ask()}
      />
      <p role="status" className="visually-hidden">
        {thread.announcement}
      </p>
    </div>
  );
}
