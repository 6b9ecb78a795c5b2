import { useCallback, useEffect, useRef, useState } from 'react';
import type { Answer, AskResponse } from '../../../../src/contracts/ask.ts';
import { api, ApiError, postJson } from '../../api/client.ts';
import { matchPath, navigate, useLocation } from '../../app/router.tsx';
import { CodeCombobox } from '../../components/CodeCombobox.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import { AnswerView } from './AnswerView.tsx';
import './ask.css';

/** A question in the thread and, once it has come, its answer. */
interface Turn {
  key: string;
  question: string;
  answer?: Answer;
  /** The stored answer's id (feedback refers to it). */
  answerId?: string;
  /** The language the answer was asked in (its fixed wording is in it). */
  lang: string;
}

interface StoredThread {
  id: string;
  lang: string;
  messages: { id: string; turn: number; question: string; answer: Answer; createdAt: string }[];
}

type ThreadLoad = { state: 'idle' | 'loading' } | { state: 'failed'; message: string };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Focus after React and the shell have settled (the shell focuses <main> on a new path). */
const focusSoon = (element: () => HTMLElement | null | undefined) =>
  setTimeout(() => element()?.focus(), 0);

/**
 * Ask: a question box with code suggestions; each question and its cited answer in a thread.
 * `/` is a new thread (Start New adds `?new=` to reset it), `/threads/:id` a stored one.
 */
export function AskPage() {
  const { locale, t } = useLocale();
  const { path, query } = useLocation();
  const routeThreadId = matchPath('/threads/:id', path)?.id ?? null;
  const startNew = query.get('new');

  const [threadId, setThreadId] = useState<string | null>(null);
  const [turns, setTurns] = useState<Turn[]>([]);
  const [load, setLoad] = useState<ThreadLoad>({ state: 'idle' });
  const [question, setQuestion] = useState('');
  const [pending, setPending] = useState(false);
  const [askError, setAskError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  /** The turn whose heading takes focus once its answer is on screen. */
  const [focusTurn, setFocusTurn] = useState<string | null>(null);

  // Requests answer only the thread they were made for: a reset or another thread bumps this.
  const generation = useRef(0);
  const threadRef = useRef<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const headings = useRef(new Map<string, HTMLHeadingElement>());
  const turnCounter = useRef(0);

  const reset = useCallback(() => {
    generation.current++;
    threadRef.current = null;
    setThreadId(null);
    setTurns([]);
    setLoad({ state: 'idle' });
    setQuestion('');
    setPending(false);
    setAskError(null);
    setAnnouncement('');
    setFocusTurn(null);
  }, []);

  const loadThread = useCallback(
    async (id: string) => {
      const mine = ++generation.current;
      threadRef.current = id;
      setThreadId(id);
      setTurns([]);
      setAskError(null);
      setLoad({ state: 'loading' });
      try {
        const thread = await api<StoredThread>(`/api/threads/${encodeURIComponent(id)}`);
        if (mine !== generation.current) return;
        setTurns(
          thread.messages.map((m) => ({
            key: m.id,
            question: m.question,
            answer: m.answer,
            answerId: m.answer.id ?? m.id,
            lang: thread.lang,
          })),
        );
        setLoad({ state: 'idle' });
        setAnnouncement(t('ask.threadLoaded', { count: thread.messages.length }));
      } catch (error) {
        if (mine !== generation.current) return;
        setLoad({ state: 'failed', message: message(error) });
      }
    },
    [t],
  );

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
    if (routeThreadId !== threadRef.current) void loadThread(routeThreadId);
  }, [routeThreadId, startNew, reset, loadThread]);

  // After the commit that shows the answer (and, for a first question, the thread's address,
  // where the shell focuses <main>), the answer's heading takes focus.
  useEffect(() => {
    if (focusTurn === null) return;
    const timer = focusSoon(() => headings.current.get(focusTurn));
    return () => clearTimeout(timer);
  }, [focusTurn]);

  // An answer that comes after the page was left changes nothing (no navigation either).
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const ask = async () => {
    const text = question.trim();
    if (pending) return;
    if (!text) {
      setAskError(t('ask.empty'));
      input.current?.focus();
      return;
    }
    const mine = generation.current;
    const key = `new-${++turnCounter.current}`;
    setAskError(null);
    setPending(true);
    setQuestion('');
    setTurns((current) => [...current, { key, question: text, lang: locale }]);
    setAnnouncement(t('ask.answering'));
    try {
      const current = threadRef.current;
      const response = current
        ? await postJson<AskResponse>(`/api/threads/${encodeURIComponent(current)}/messages`, {
            question: text,
            lang: locale,
          })
        : await postJson<AskResponse>('/api/threads', { question: text, lang: locale });
      if (mine !== generation.current || !mounted.current) return;
      setTurns((all) =>
        all.map((turn) =>
          turn.key === key
            ? {
                ...turn,
                answer: response.answer,
                ...(response.answer.id ? { answerId: response.answer.id } : {}),
              }
            : turn,
        ),
      );
      setPending(false);
      setAnnouncement(t('ask.answered'));
      if (!current) {
        threadRef.current = response.threadId;
        setThreadId(response.threadId);
        navigate(`/threads/${encodeURIComponent(response.threadId)}`, { replace: true });
      }
      setFocusTurn(key);
    } catch (error) {
      if (mine !== generation.current) return;
      setTurns((all) => all.filter((turn) => turn.key !== key));
      setPending(false);
      setQuestion(text);
      setAnnouncement('');
      setAskError(
        error instanceof ApiError && error.code === 'NOT_FOUND' && threadRef.current
          ? t('ask.threadGone')
          : t('common.error', { message: message(error) }),
      );
      focusSoon(() => input.current);
    }
  };

  const hasThread = threadId !== null || turns.length > 0;
  return (
    <div className="ask-page">
      <h1 className={hasThread ? 'visually-hidden' : undefined}>{t('ask.title')}</h1>
      {!hasThread && <p className="muted">{t('ask.intro')}</p>}

      {load.state === 'loading' && (
        <p aria-busy="true" className="muted">
          {t('ask.loadingThread')}
        </p>
      )}
      {load.state === 'failed' && (
        <LoadError
          message={load.message}
          onRetry={routeThreadId ? () => void loadThread(routeThreadId) : undefined}
        />
      )}

      {turns.length > 0 && (
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
                      if (element) headings.current.set(turn.key, element);
                      else headings.current.delete(turn.key);
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
      )}

      <form
        className="ask-form no-print"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void ask();
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
            onValueChange={(value) => {
              setQuestion(value);
              if (askError) setAskError(null);
            }}
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
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </div>
  );
}
