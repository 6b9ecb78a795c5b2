import { useEffect, useState } from 'react';
import type { CodeSearch } from '../../../src/contracts/codes.ts';
import { useApi } from '../api/use-api.ts';
import { SEARCH_DELAY_MS } from './code-completion.ts';

/**
 * Codes for the word being typed, searched a moment after the last keystroke, and whether the
 * popup is open and which suggestion is active. Suggestions are a convenience: a failed or
 * cancelled search shows none.
 */
export function useCodeSuggestions(
  term: string | null,
  options: { system: string | undefined; limit: number; focused: () => boolean },
) {
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  let path: string | null = null;
  if (term !== null) {
    const query = new URLSearchParams({ q: term, limit: String(options.limit) });
    if (options.system) query.set('system', options.system);
    path = `/api/codes?${query.toString()}`;
  }
  const search = useApi<CodeSearch>(path, {
    delayMs: SEARCH_DELAY_MS,
    onSuccess: (body) => setOpen(body.results.length > 0 && options.focused()),
    onError: () => setOpen(false),
  });
  useEffect(() => {
    setActive(-1);
    if (term === null) setOpen(false);
  }, [term]);
  return {
    suggestions: search.data?.results ?? [],
    clear: () => search.setData(null),
    close: () => {
      setOpen(false);
      setActive(-1);
    },
    active,
    setActive,
    open,
    setOpen,
  };
}
