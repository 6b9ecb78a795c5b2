import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { AskResponse, StoredThread } from '../../../../src/contracts/ask.ts';
import { ApiError, postJson } from '../../api/client.ts';
import { messageOf, useApi } from '../../api/use-api.ts';
import { navigate } from '../../app/router.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import type { Turn } from './ThreadTurns.tsx';

/** Focus after React and the shell have settled (the shell focuses <main> on a new path). */
export const focusSoon = (element: () => HTMLElement | null | undefined) =>
  setTimeout(() => element()?.focus(), 0);

const threadPath = (id: string) => `/api/threads/${encodeURIComponent(id)}`;

/**
 * A thread of questions and answers: a stored one loaded (`loadThread`), a new one started
 * (`reset`), and each question asked in it (`ask`). Requests answer only the thread they were
 * made for: a reset or another thread cancels the load and makes a pending answer stale.
 */
export function useAskThread(input: RefObject<HTMLInputElement | null>) {
  const { locale, t } = useLocale();
  const [threadId, setThreadId] = useState<string | null>(null);
  const [turns, setTurns] = useState<Turn[]>([]);
  const [loadingId, setLoadingId] = useState<string | null>(null);
  const [question, setQuestion] = useState('');
  const [pending, setPending] = useState(false);
  const [askError, setAskError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  /** The turn whose heading takes focus once its answer is on screen. */
  const [focusTurn, setFocusTurn] = useState<string | null>(null);
  const generation = useRef(0);
  const threadRef = useRef<string | null>(null);
  const turnCounter = useRef(0);

  const load = useApi<StoredThread>(loadingId && threadPath(loadingId), {
    onSuccess: (thread) => {
      setTurns(
        thread.messages.map((m) => ({
          key: m.id,
          question: m.question,
          answer: m.answer,
          answerId: m.answer.id ?? m.id,
          lang: thread.lang,
        })),
      );
      setAnnouncement(t('ask.threadLoaded', { count: thread.messages.length }));
    },
  });

  const reset = useCallback(() => {
    generation.current++;
    threadRef.current = null;
    setThreadId(null);
    setTurns([]);
    setLoadingId(null);
    setQuestion('');
    setPending(false);
    setAskError(null);
    setAnnouncement('');
    setFocusTurn(null);
  }, []);

  const loadThread = useCallback((id: string) => {
    generation.current++;
    threadRef.current = id;
    setThreadId(id);
    setTurns([]);
    setAskError(null);
    setLoadingId(id);
  }, []);

  // An answer that comes after the page was left changes nothing (no navigation either).
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  /** Shows the answer in its turn; a first answer gives the thread its address. */
  const answered = (key: string, response: AskResponse, current: string | null) => {
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
  };

  /** Takes the question back into the box and says why it was not answered. */
  const failed = (key: string, text: string, error: unknown) => {
    setTurns((all) => all.filter((turn) => turn.key !== key));
    setPending(false);
    setQuestion(text);
    setAnnouncement('');
    setAskError(
      error instanceof ApiError && error.code === 'NOT_FOUND' && threadRef.current
        ? t('ask.threadGone')
        : t('common.error', { message: messageOf(error) }),
    );
    focusSoon(() => input.current);
  };

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
    const current = threadRef.current;
    try {
      const response = current
        ? await postJson<AskResponse>(`${threadPath(current)}/messages`, {
            question: text,
            lang: locale,
          })
        : await postJson<AskResponse>('/api/threads', { question: text, lang: locale });
      if (mine !== generation.current || !mounted.current) return;
      answered(key, response, current);
    } catch (error) {
      if (mine !== generation.current) return;
      failed(key, text, error);
    }
  };

  return {
    threadId,
    threadRef,
    turns,
    load,
    loadThread,
    reset,
    question,
    setQuestion,
    pending,
    askError,
    setAskError,
    announcement,
    focusTurn,
    ask,
  };
}
