import type { CodeSearchHit } from '../../../src/contracts/codes.ts';
import { useT } from '../i18n/locale-context.tsx';

/** The combobox's popup: the suggested codes (chosen on click) and how many there are. */
export function CodeSuggestionList({
  listboxId,
  optionId,
  suggestions,
  expanded,
  active,
  onChoose,
}: {
  listboxId: string;
  optionId: (i: number) => string;
  suggestions: CodeSearchHit[];
  expanded: boolean;
  active: number;
  onChoose: (suggestion: CodeSearchHit) => void;
}) {
  const t = useT();
  return (
    <>
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
              onClick={() => onChoose(suggestion)}
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
    </>
  );
}
