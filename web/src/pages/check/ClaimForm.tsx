import { useRef } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useT } from '../../i18n/locale-context.tsx';
import { settings } from './check-types.ts';
import {
  emptyLine,
  fieldId,
  type ClaimDraft,
  type FieldProblems,
  type LineDraft,
} from './claim-form.ts';

/** A label, its control, an optional hint and the control's problem, wired for assistive tech. */
function Field({
  id,
  label,
  hint,
  problems,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: string;
  problems: FieldProblems;
  className?: string;
  children: (props: {
    id: string;
    'aria-invalid': boolean | undefined;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}) {
  const t = useT();
  const problem = problems.get(id);
  const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${className ? ` ${className}` : ''}${problem ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': problem ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {problem && (
        <span id={`${id}-problem`} className="field-problem">
          {t(problem.key, problem.values)}
        </span>
      )}
    </div>
  );
}

/** The claim being typed: claim-level date, setting and diagnoses, then its service lines. */
export function ClaimForm({
  draft,
  onChange,
  problems,
  busy,
  onSubmit,
  onExample,
  onClear,
}: {
  draft: ClaimDraft;
  onChange: (draft: ClaimDraft) => void;
  problems: FieldProblems;
  busy: boolean;
  onSubmit: () => void;
  onExample: () => void;
  onClear: () => void;
}) {
  const t = useT();
  const addButton = useRef<HTMLButtonElement>(null);

  const setLine = (key: number, patch: Partial<LineDraft>) =>
    onChange({
      ...draft,
      lines: draft.lines.map((line) => (line.key === key ? { ...line, ...patch } : line)),
    });

  const focusField = (id: string) =>
    // After React has rendered the new or remaining line.
    requestAnimationFrame(() => document.getElementById(id)?.focus());

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

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  const ofLine = (number: number) => (
    <span className="visually-hidden">{t('check.lines.ofLine', { number })}</span>
  );

  return (
    <form className="claim-form" noValidate onSubmit={submit}>
      <fieldset className="claim-fields">
        <legend>{t('check.form.claimLegend')}</legend>
        <div className="claim-grid">
          <Field id={fieldId.claimId} label={t('check.form.claimId')} problems={problems}>
            {(props) => (
              <input
                {...props}
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={draft.id}
                onChange={(e) => onChange({ ...draft, id: e.target.value })}
              />
            )}
          </Field>
          <Field id={fieldId.claimDate} label={t('check.form.dateOfService')} problems={problems}>
            {(props) => (
              <input
                {...props}
                type="date"
                required
                value={draft.dateOfService}
                onChange={(e) => onChange({ ...draft, dateOfService: e.target.value })}
              />
            )}
          </Field>
          <Field id={fieldId.claimSetting} label={t('check.form.setting')} problems={problems}>
            {(props) => (
              <select
                {...props}
                value={draft.setting}
                onChange={(e) =>
                  onChange({ ...draft, setting: e.target.value as ClaimDraft['setting'] })
                }
              >
                {settings.map((setting) => (
                  <option key={setting} value={setting}>
                    {t(`check.setting.${setting}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id={fieldId.claimDiagnoses}
            label={t('check.form.diagnoses')}
            hint={t('check.form.diagnosesHint')}
            problems={problems}
            className="field-wide"
          >
            {(props) => (
              <input
                {...props}
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={draft.diagnoses}
                onChange={(e) => onChange({ ...draft, diagnoses: e.target.value })}
              />
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="line-fields">
        <legend>{t('check.lines.heading')}</legend>
        <p className="field-hint" id="lines-hint">
          {t('check.lines.hint')}
        </p>
        <ol className="line-list">
          {draft.lines.map((line, index) => {
            const number = index + 1;
            return (
              <li key={line.key} className="line-row">
                <fieldset className="line">
                  <legend>{t('check.lines.legend', { number })}</legend>
                  <div className="line-grid">
                    <Field
                      id={fieldId.line(line.key, 'code')}
                      label={
                        <>
                          {t('check.lines.code')}
                          {ofLine(number)}
                        </>
                      }
                      problems={problems}
                      className="line-code"
                    >
                      {(props) => (
                        <input
                          {...props}
                          type="text"
                          autoComplete="off"
                          spellCheck={false}
                          maxLength={10}
                          value={line.code}
                          onChange={(e) => setLine(line.key, { code: e.target.value })}
                        />
                      )}
                    </Field>
                    <Field
                      id={fieldId.line(line.key, 'modifiers')}
                      label={
                        <>
                          {t('check.lines.modifiers')}
                          {ofLine(number)}
                        </>
                      }
                      problems={problems}
                      className="line-modifiers"
                    >
                      {(props) => (
                        <input
                          {...props}
                          type="text"
                          autoComplete="off"
                          spellCheck={false}
                          value={line.modifiers}
                          onChange={(e) => setLine(line.key, { modifiers: e.target.value })}
                        />
                      )}
                    </Field>
                    <Field
                      id={fieldId.line(line.key, 'units')}
                      label={
                        <>
                          {t('check.lines.units')}
                          {ofLine(number)}
                        </>
                      }
                      problems={problems}
                      className="line-units"
                    >
                      {(props) => (
                        <input
                          {...props}
                          type="number"
                          inputMode="numeric"
                          min={1}
                          max={9999}
                          step={1}
                          value={line.units}
                          onChange={(e) => setLine(line.key, { units: e.target.value })}
                        />
                      )}
                    </Field>
                    <Field
                      id={fieldId.line(line.key, 'diagnoses')}
                      label={
                        <>
                          {t('check.lines.diagnoses')}
                          {ofLine(number)}
                        </>
                      }
                      problems={problems}
                      className="line-diagnoses"
                    >
                      {(props) => (
                        <input
                          {...props}
                          type="text"
                          autoComplete="off"
                          spellCheck={false}
                          placeholder={draft.diagnoses}
                          value={line.diagnoses}
                          onChange={(e) => setLine(line.key, { diagnoses: e.target.value })}
                        />
                      )}
                    </Field>
                    <Field
                      id={fieldId.line(line.key, 'date')}
                      label={
                        <>
                          {t('check.lines.date')}
                          {ofLine(number)}
                        </>
                      }
                      problems={problems}
                      className="line-date"
                    >
                      {(props) => (
                        <input
                          {...props}
                          type="date"
                          value={line.dateOfService}
                          onChange={(e) => setLine(line.key, { dateOfService: e.target.value })}
                        />
                      )}
                    </Field>
                    <div className="line-actions">
                      <button
                        type="button"
                        className="secondary"
                        disabled={draft.lines.length === 1}
                        onClick={() => removeLine(index)}
                      >
                        {t('check.lines.remove', { number })}
                      </button>
                    </div>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <button ref={addButton} type="button" className="secondary" onClick={addLine}>
          <span aria-hidden="true">+ </span>
          {t('check.lines.add')}
        </button>
      </fieldset>

      <div className="form-actions">
        {/* Not disabled while checking: a disabled button would drop the keyboard focus. */}
        <button type="submit" aria-disabled={busy || undefined}>
          {busy ? t('check.form.checking') : t('check.form.submit')}
        </button>
        <button type="button" className="secondary" onClick={onExample}>
          {t('check.form.example')}
        </button>
        <button type="button" className="secondary" onClick={onClear}>
          {t('check.form.clear')}
        </button>
      </div>
    </form>
  );
}
