import { useCallback, type RefObject } from 'react';
import type { StoredThread } from '../../../../src/contracts/ask.ts';
import { useApi } from '../../api/use-api.ts';
import { useLocale } from '../../i18n/locale-context.tsx';
import { useAskQuestion } from './use-ask-question.ts';
import { threadPath, useThreadState } from './thread-state.ts';

/**
 * A thread of questions and answers: a stored one loaded (`loadThread`, through useApi, so
 * leaving it cancels the load), a new one started (`reset`), and each question asked in it
 * (`ask`).
 */
export function useAskThread(input: RefObject<HTMLInputElement | null>) {
  const { t } = useLocale();
  const state = useThreadState();
  const { setThreadId, setTurns, setLoadingId, setQuestion, setPending } = state;
  const { setAskError, setAnnouncement, setFocusTurn, generation, threadRef } = state;

  const load = useApi<StoredThread>(state.loadingId && threadPath(state.loadingId), {
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

  const ask = useAskQuestion(state, input);
  return { ...state, load, loadThread, reset, ask };
}
