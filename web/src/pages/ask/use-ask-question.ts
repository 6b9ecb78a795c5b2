import { useEffect, useRef, type RefObject } from 'react';
import type { AskResponse } from '../../../../src/contracts/ask.ts';
import { ApiError, postJson } from '../../api/client.ts';
import { messageOf } from '../../api/use-api.ts';
import { navigate } from '../../app/router.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import { focusSoon, threadPath, type ThreadState } from './thread-state.ts';

/**
 * Asking in the thread: the question shows at once as a turn, its answer fills the turn when it
 * comes, and a failure puts the question back in the box with the reason. An answer for a thread
 * that was left or reset (the generation moved on) changes nothing.
 */
export function useAskQuestion(state: ThreadState, input: RefObject<HTMLInputElement | null>) {
  const { locale, t } = useLocale();
  const { setTurns, setPending, setAnnouncement, setThreadId, setFocusTurn } = state;
  const { setQuestion, setAskError, generation, threadRef, turnCounter } = state;
  const { question, pending } = state;

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

  return async () => {
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
}
