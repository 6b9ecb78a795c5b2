import { useState } from 'react';
import type { EhrConnection } from '../../../../src/contracts/ehr.ts';
import { api } from '../../api/client.ts';
import { FormField } from '../../components/FormField.tsx';
import type { FieldProblems } from '../../components/form-problems.ts';
import { StackedForm } from '../../components/StackedForm.tsx';
import { useFormSubmit } from '../../components/use-form-submit.ts';
import { useT } from '../../i18n/locale-context.tsx';

/** The scopes SMART launches ask for (issue 18), the form's suggestion for a new connection. */
const defaultScopes =
  'launch openid fhirUser patient/Encounter.read patient/Condition.read patient/Procedure.read patient/Coverage.read';

const isUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

/** The organization's EHR connection: issuer, client id, scopes and who may frame the app. */
export function EhrConnectionForm({
  connection,
  onSaved,
}: {
  connection: EhrConnection | null;
  onSaved: (saved: EhrConnection) => void;
}) {
  const t = useT();
  const [issuer, setIssuer] = useState(connection?.issuer ?? '');
  const [clientId, setClientId] = useState(connection?.clientId ?? '');
  const [scopes, setScopes] = useState(connection?.scopes ?? defaultScopes);
  const [ancestors, setAncestors] = useState(connection?.frameAncestors.join('\n') ?? '');
  const form = useFormSubmit();

  const save = () => {
    const frameAncestors = ancestors.split(/\s+/).filter(Boolean);
    const problems: FieldProblems = new Map();
    if (!isUrl(issuer.trim())) problems.set('ehr-issuer', { key: 'ehr.form.issuerInvalid' });
    if (!clientId.trim()) problems.set('ehr-client', { key: 'ehr.form.clientRequired' });
    if (!scopes.trim()) problems.set('ehr-scopes', { key: 'ehr.form.scopesRequired' });
    if (!frameAncestors.every(isUrl))
      problems.set('ehr-ancestors', { key: 'ehr.form.ancestorsInvalid' });
    const next: EhrConnection = {
      issuer: issuer.trim(),
      clientId: clientId.trim(),
      scopes: scopes.trim().split(/\s+/).join(' '),
      frameAncestors,
    };
    return form.submit(
      problems,
      async () => {
        await api('/api/ehr/connection', { method: 'PUT', body: JSON.stringify(next) });
        onSaved(next);
      },
      (error) => t('common.error', { message: error.message }),
    );
  };

  return (
    <div className="ehr-form">
      <StackedForm form={form} onSubmit={save} submitLabel={t('ehr.form.save')}>
        <FormField
          id="ehr-issuer"
          label={t('ehr.form.issuer')}
          hint={t('ehr.form.issuerHint')}
          problems={form.problems}
        >
          {(props) => (
            <input
              {...props}
              type="url"
              dir="ltr"
              value={issuer}
              onChange={(e) => setIssuer(e.target.value)}
            />
          )}
        </FormField>
        <FormField id="ehr-client" label={t('ehr.form.clientId')} problems={form.problems}>
          {(props) => (
            <input
              {...props}
              type="text"
              dir="ltr"
              value={clientId}
              onChange={(e) => setClientId(e.target.value)}
            />
          )}
        </FormField>
        <FormField
          id="ehr-scopes"
          label={t('ehr.form.scopes')}
          hint={t('ehr.form.scopesHint')}
          problems={form.problems}
        >
          {(props) => (
            <textarea
              {...props}
              rows={3}
              dir="ltr"
              value={scopes}
              onChange={(e) => setScopes(e.target.value)}
            />
          )}
        </FormField>
        <FormField
          id="ehr-ancestors"
          label={t('ehr.form.frameAncestors')}
          hint={t('ehr.form.frameAncestorsHint')}
          problems={form.problems}
        >
          {(props) => (
            <textarea
              {...props}
              rows={3}
              dir="ltr"
              value={ancestors}
              onChange={(e) => setAncestors(e.target.value)}
            />
          )}
        </FormField>
      </StackedForm>
    </div>
  );
}
