import { useT } from '../../i18n/locale-context.tsx';
import { fieldId, type ClaimDraft, type FieldProblems } from './claim-form.ts';
import { FormField as Field } from '../../components/FormField.tsx';
import { settings } from '../../../../src/domain/setting.ts';

/** The claim's own fields: its id, date of service, setting and diagnoses. */
export function ClaimFields({
  draft,
  onChange,
  problems,
}: {
  draft: ClaimDraft;
  onChange: (draft: ClaimDraft) => void;
  problems: FieldProblems;
}) {
  const t = useT();
  return (
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
  );
}
