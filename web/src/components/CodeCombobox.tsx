import { useEffect, useRef, useState } from 'react';
import type { InputHTMLAttributes, KeyboardEvent, RefObject } from 'react';
import { api } from '../api/client.ts';
import { useT } from '../i18n/locale-context.tsx';
import './components.css';

export interface CodeSuggestion {
  system: string;
  code: string;
  description: string;
}

/** The part of the text the suggestions are for: the whole value, or its last word. */
export type CompleteMode = 'whole' | 'last-word';

export const SEARCH_DELAY_MS = 150;

/**
 * The word being typed when it looks like a code or a term worth searching ("6226", "J10",
 * "M54.1", "adhesiolysis"), else null. Surrounding quotes and brackets are ignored.
 */
export function searchTerm(value: string, mode: CompleteMode): string | null {
  const word = mode === 'whole' ? value.trim() : (/(\S+)$/.exec(value)?.[1] ?? '');
  const term = word.replace(/^[("'“‘«]+/, '');
  if (term.length < 2 || term.length > 40) return null;
  return /^[\p{L}\p{N}][\p{L}\p{N}.-]*$/u.test(term) ? term : null;
}

/** The text with the chosen code in place of the word being typed. */
export function insertCode(value: string, code: string, mode: CompleteMode): string {
  if (mode === 'whole') return code;
  const match = /(\S+)$/.exec(value);
  if (!match) return `${value}${code} `;
  const word = match[1]!;
  const lead = /^[("'“‘«]+/.exec(word)?.[0] ?? '';
  return `${value.slice(0, match.index)}${lead}${code} `;
}

type Props = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'role' | 'type' | 'id'
> & {
  /** The input's id; label it with `<label htmlFor={id}>`. */
  id: string;
  value: string;
  onValueChange: (value: string) => void;
  mode?: CompleteMode;
  /** Only codes of this system (cpt, hcpcs, icd10cm, modifier). */
  system?: string;
  limit?: number;
  /** The input element, for callers that move focus to it. */
  inputRef?: RefObject<HTMLInputElement | null>;
};

/**
 * A text input that suggests codes as you type (WAI-ARIA combobox with a list popup): the code
 * search runs 150 ms after the last keystroke; arrow keys move through the suggestions, Enter
 * chooses, Escape closes. Choosing puts the code in place of the word typed.
 */
export function CodeCombobox({
  id,
  value,
  onValueChange,
  mode = 'last-word',
  system,
  limit = 8,
  onKeyDown,
  onBlur,
  inputRef,
  ...inputProps
}: Props) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [suggestions, setSuggestions] = useState<CodeSuggestion[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const term = searchTerm(value, mode);
  const listboxId = `${id}-suggestions`;
  const optionId = (i: number) => `${id}-suggestion-${i}`;

  useEffect(() => {
    setActive(-1);
    if (term === null) {
      setSuggestions([]);
      setOpen(false);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const query = new URLSearchParams({ q: term, limit: String(limit) });
      if (system) query.set('system', system);
      api<{ results: CodeSuggestion[] }>(`/api/codes?${query.toString()}`, {
        signal: controller.signal,
      }).then(
        (body) => {
          setSuggestions(body.results);
          setOpen(body.results.length > 0 && document.activeElement === input.current);
        },
        () => {
          // Suggestions are a convenience: a failed or cancelled search shows none.
          if (!controller.signal.aborted) {
            setSuggestions([]);
            setOpen(false);
          }
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [term, system, limit]);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const choose = (suggestion: CodeSuggestion) => {
    onValueChange(insertCode(value, suggestion.code, mode));
    setSuggestions([]);
    close();
    input.current?.focus();
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) break;
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(event.altKey ? -1 : 0);
        } else setActive((active + 1) % count);
        return;
      case 'ArrowUp':
        if (count === 0) break;
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(count - 1);
        } else setActive(active <= 0 ? count - 1 : active - 1);
        return;
      case 'Enter':
        if (open && active >= 0 && suggestions[active]) {
          event.preventDefault();
          choose(suggestions[active]);
          return;
        }
        close();
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          event.stopPropagation();
          close();
          return;
        }
        break;
      case 'Tab':
        close();
        break;
      default:
        break;
    }
    onKeyDown?.(event);
  };

  const expanded = open && suggestions.length > 0;
  return (
    <div className="combobox">
      <input
        {...inputProps}
        ref={(element) => {
          input.current = element;
          if (inputRef) inputRef.current = element;
        }}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        onKeyDown={handleKeyDown}
        onBlur={(event) => {
          close();
          onBlur?.(event);
        }}
      />
      <ul
        id={listboxId}
        role="listbox"
        aria-label={t('codeSearch.suggestions')}
        className="combobox-listbox"
        hidden={!expanded}
      >
        {expanded &&
          suggestions.map((suggestion, i) => (
            <li
              key={`${suggestion.system}|${suggestion.code}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className="combobox-option"
              // Keep focus in the input: the choice is made on click.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(suggestion)}
            >
              <span className="combobox-code">{suggestion.code}</span>{' '}
              <span className="combobox-system">
                {t('codeSearch.system', { system: suggestion.system })}
              </span>{' '}
              <span className="combobox-description">{suggestion.description}</span>
            </li>
          ))}
      </ul>
      <span className="visually-hidden" role="status">
        {expanded ? t('codeSearch.count', { count: suggestions.length }) : ''}
      </span>
    </div>
  );
}
