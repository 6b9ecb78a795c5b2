import { useRef, useState } from 'react';
import type { Turn } from './ThreadTurns.tsx';

/** Focus after React and the shell have settled (the shell focuses <main> on a new path). */
export const focusSoon = (element: () => HTMLElement | null | undefined) =>
  setTimeout(() => element()?.focus(), 0);

export const threadPath = (id: string) => `/api/threads/${encodeURIComponent(id)}`;

/** What the Ask page keeps about its thread; `generation` moves on when the thread changes. */
export function useThreadState() {
  const [threadId, setThreadId] = useState<string | null>(null);
  const [turns, setTurns] = useState<Turn[]>([]);
  const [loadingId, setLoadingId] = useState<string | null>(null);
  const [question, setQuestion] = useState('');
  const [pending, setPending] = useState(false);
  const [askError, setAskError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  /** The turn whose heading takes focus once its answer is on screen. */
  const [focusTurn, setFocusTurn] = useState<string | null>(null);
  // Requests answer only the thread they were made for: a reset or another thread bumps this.
  const generation = useRef(0);
  const threadRef = useRef<string | null>(null);
  const turnCounter = useRef(0);
  return {
    threadId,
    setThreadId,
    turns,
    setTurns,
    loadingId,
    setLoadingId,
    question,
    setQuestion,
    pending,
    setPending,
    askError,
    setAskError,
    announcement,
    setAnnouncement,
    focusTurn,
    setFocusTurn,
    generation,
    threadRef,
    turnCounter,
  };
}

export type ThreadState = ReturnType<typeof useThreadState>;
