import type { InputHTMLAttributes, KeyboardEvent, RefObject } from 'react';
import { useRef } from 'react';
import type { CodeSearchHit } from '../../../src/contracts/codes.ts';
import { insertCode, searchTerm, type CompleteMode } from './code-completion.ts';
import { CodeSuggestionList } from './CodeSuggestionList.tsx';
import { handleComboboxKey } from './combobox-keys.ts';
import { useCodeSuggestions } from './use-code-suggestions.ts';
import './components.css';

/** A suggested code: the code search's hit (its score is not shown). */
export type CodeSuggestion = CodeSearchHit;

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
  const input = useRef<HTMLInputElement>(null);
  const term = searchTerm(value, mode);
  const listboxId = `${id}-suggestions`;
  const optionId = (i: number) => `${id}-suggestion-${i}`;
  const { suggestions, clear, close, active, setActive, open, setOpen } = useCodeSuggestions(term, {
    system,
    limit,
    focused: () => document.activeElement === input.current,
  });

  const choose = (suggestion: CodeSuggestion) => {
    onValueChange(insertCode(value, suggestion.code, mode));
    clear();
    close();
    input.current?.focus();
  };

  const chooseActive = () => {
    const chosen = active >= 0 ? suggestions[active] : undefined;
    if (chosen) choose(chosen);
    return chosen !== undefined;
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const state = {
      count: suggestions.length,
      open,
      active,
      setOpen,
      setActive,
      chooseActive,
      close,
    };
    if (!handleComboboxKey(event, state)) onKeyDown?.(event);
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
      <CodeSuggestionList
        listboxId={listboxId}
        optionId={optionId}
        suggestions={suggestions}
        expanded={expanded}
        active={active}
        onChoose={choose}
      />
    </div>
  );
}
