import { useId, useState, type FormEvent } from 'react';
import { granularities } from '../../../../src/contracts/performance.ts';
import { useT } from '../../i18n/locale-context.tsx';
import type { Translate } from '../../i18n/locale-context.tsx';
import type { Granularity, ReportRange } from './performance-format.ts';

interface Draft {
  from: string;
  to: string;
  granularity: Granularity;
}

/** Why the range cannot be applied (a day missing, from after to), or null. */
function rangeProblem(draft: Draft, t: Translate): string | null {
  if (!draft.from || !draft.to) return t('performance.range.required');
  return draft.from > draft.to ? t('performance.range.fromAfterTo') : null;
}

/** One of the range's days, flagged with the form's problem when there is one. */
function DateField({
  id,
  name,
  label,
  value,
  invalid,
  onChange,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  invalid: { 'aria-invalid'?: true; 'aria-describedby'?: string };
  onChange: (value: string) => void;
}) {
  return (
    <div className="perf-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        name={name}
        value={value}
        required
        {...invalid}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/**
 * From and to days and the grouping of the periods. Applied with its button (a date typed digit
 * by digit passes through days nobody meant), the range goes into the address.
 */
export function RangeForm({
  shown,
  onApply,
}: {
  /** The range on screen (the address's, with the API's defaults filled in). */
  shown: Draft;
  onApply: (range: ReportRange) => void;
}) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(shown);
  const [problem, setProblem] = useState<string | null>(null);
  const shownKey = `${shown.from}|${shown.to}|${shown.granularity}`;

  // A new range on screen (loaded, or the address changed by Back) resets the fields to it,
  // in the same render (React's pattern for state that follows a prop).
  const [synced, setSynced] = useState(shownKey);
  if (synced !== shownKey) {
    setSynced(shownKey);
    setDraft(shown);
    setProblem(null);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = rangeProblem(draft, t);
    setProblem(found);
    if (!found) onApply(draft);
  };

  const problemId = `${id}-problem`;
  const invalid = problem
    ? ({ 'aria-invalid': true, 'aria-describedby': problemId } as const)
    : ({} as const);
  return (
    <form className="perf-range no-print" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('performance.range.legend')}</legend>
        <div className="perf-range-fields">
          <DateField
            id={`${id}-from`}
            name="from"
            label={t('performance.range.from')}
            value={draft.from}
            invalid={invalid}
            onChange={(from) => setDraft({ ...draft, from })}
          />
          <DateField
            id={`${id}-to`}
            name="to"
            label={t('performance.range.to')}
            value={draft.to}
            invalid={invalid}
            onChange={(to) => setDraft({ ...draft, to })}
          />
          <div className="perf-field">
            <label htmlFor={`${id}-granularity`}>{t('performance.range.granularity')}</label>
            <select
              id={`${id}-granularity`}
              name="granularity"
              value={draft.granularity}
              onChange={(e) => setDraft({ ...draft, granularity: e.target.value as Granularity })}
            >
              {granularities.map((g) => (
                <option key={g} value={g}>
                  {t(`performance.granularity.${g}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t('performance.range.apply')}</button>
        </div>
        {problem && (
          <p id={problemId} className="perf-problem" role="alert">
            {problem}
          </p>
        )}
      </fieldset>
    </form>
  );
}
