import type { ReactNode } from 'react';
import { useT } from '../../i18n/locale-context.tsx';
import { fieldId, type FieldProblems, type LineDraft } from './claim-form.ts';
import { FormField } from '../../components/FormField.tsx';

type ControlProps = Parameters<Parameters<typeof FormField>[0]['children']>[0];
type LineFieldName = 'code' | 'modifiers' | 'units' | 'diagnoses' | 'date';

/** One of a line's fields, labelled "Code (line 2)" for screen readers. */
function LineField({
  line,
  name,
  label,
  number,
  problems,
  children,
}: {
  line: LineDraft;
  name: LineFieldName;
  label: string;
  number: number;
  problems: FieldProblems;
  children: (props: ControlProps) => ReactNode;
}) {
  const t = useT();
  return (
    <FormField
      id={fieldId.line(line.key, name)}
      label={
        <>
          {label}
          <span className="visually-hidden">{t('check.lines.ofLine', { number })}</span>
        </>
      }
      problems={problems}
      className={`line-${name}`}
    >
      {children}
    </FormField>
  );
}

/** A line's text field (a code, modifiers, diagnoses): no autocomplete or spell check. */
function LineText({
  value,
  onValue,
  ...props
}: ControlProps & {
  value: string;
  onValue: (value: string) => void;
  maxLength?: number;
  placeholder?: string;
}) {
  return (
    <input
      {...props}
      type="text"
      autoComplete="off"
      spellCheck={false}
      value={value}
      onChange={(e) => onValue(e.target.value)}
    />
  );
}

/** One service line: code, modifiers, units, its diagnoses and date, and its remove button. */
export function ServiceLineFields({
  line,
  number,
  claimDiagnoses,
  problems,
  onChange,
  onRemove,
  removable,
}: {
  line: LineDraft;
  number: number;
  claimDiagnoses: string;
  problems: FieldProblems;
  onChange: (patch: Partial<LineDraft>) => void;
  onRemove: () => void;
  removable: boolean;
}) {
  const t = useT();
  const field = { line, number, problems };
  return (
    <fieldset className="line">
      <legend>{t('check.lines.legend', { number })}</legend>
      <div className="line-grid">
        <LineField {...field} name="code" label={t('check.lines.code')}>
          {(props) => (
            <LineText
              {...props}
              maxLength={10}
              value={line.code}
              onValue={(code) => onChange({ code })}
            />
          )}
        </LineField>
        <LineField {...field} name="modifiers" label={t('check.lines.modifiers')}>
          {(props) => (
            <LineText
              {...props}
              value={line.modifiers}
              onValue={(modifiers) => onChange({ modifiers })}
            />
          )}
        </LineField>
        <LineField {...field} name="units" label={t('check.lines.units')}>
          {(props) => (
            <input
              {...props}
              type="number"
              inputMode="numeric"
              min={1}
              max={9999}
              step={1}
              value={line.units}
              onChange={(e) => onChange({ units: e.target.value })}
            />
          )}
        </LineField>
        <LineField {...field} name="diagnoses" label={t('check.lines.diagnoses')}>
          {(props) => (
            <LineText
              {...props}
              placeholder={claimDiagnoses}
              value={line.diagnoses}
              onValue={(diagnoses) => onChange({ diagnoses })}
            />
          )}
        </LineField>
        <LineField {...field} name="date" label={t('check.lines.date')}>
          {(props) => (
            <input
              {...props}
              type="date"
              value={line.dateOfService}
              onChange={(e) => onChange({ dateOfService: e.target.value })}
            />
          )}
        </LineField>
        <div className="line-actions">
          <button type="button" className="secondary" disabled={!removable} onClick={onRemove}>
            {t('check.lines.remove', { number })}
          </button>
        </div>
      </div>
    </fieldset>
  );
}
