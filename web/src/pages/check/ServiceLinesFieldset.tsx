import { useRef } from 'react';
import { useT } from '../../i18n/locale-context.tsx';
import {
  emptyLine,
  fieldId,
  type ClaimDraft,
  type FieldProblems,
  type LineDraft,
} from './claim-form.ts';
import { ServiceLineFields } from './ServiceLineFields.tsx';

const focusField = (id: string) =>
  // After React has rendered the new or remaining line.
  requestAnimationFrame(() => document.getElementById(id)?.focus());

/** The claim's service lines, one fieldset each, with adding and removing lines. */
export function ServiceLinesFieldset({
  draft,
  onChange,
  problems,
}: {
  draft: ClaimDraft;
  onChange: (draft: ClaimDraft) => void;
  problems: FieldProblems;
}) {
  const t = useT();
  const addButton = useRef<HTMLButtonElement>(null);

  const setLine = (key: number, patch: Partial<LineDraft>) =>
    onChange({
      ...draft,
      lines: draft.lines.map((line) => (line.key === key ? { ...line, ...patch } : line)),
    });

  const addLine = () => {
    const line = emptyLine();
    onChange({ ...draft, lines: [...draft.lines, line] });
    focusField(fieldId.line(line.key, 'code'));
  };

  const removeLine = (index: number) => {
    const lines = draft.lines.filter((_, i) => i !== index);
    onChange({ ...draft, lines });
    const next = lines[index] ?? lines[index - 1];
    if (next) focusField(fieldId.line(next.key, 'code'));
    else addButton.current?.focus();
  };

  return (
    <fieldset className="line-fields">
      <legend>{t('check.lines.heading')}</legend>
      <p className="field-hint" id="lines-hint">
        {t('check.lines.hint')}
      </p>
      <ol className="line-list">
        {draft.lines.map((line, index) => (
          <li key={line.key} className="line-row">
            <ServiceLineFields
              line={line}
              number={index + 1}
              claimDiagnoses={draft.diagnoses}
              problems={problems}
              onChange={(patch) => setLine(line.key, patch)}
              onRemove={() => removeLine(index)}
              removable={draft.lines.length > 1}
            />
          </li>
        ))}
      </ol>
      <button ref={addButton} type="button" className="secondary" onClick={addLine}>
        <span aria-hidden="true">+ </span>
        {t('check.lines.add')}
      </button>
    </fieldset>
  );
}
