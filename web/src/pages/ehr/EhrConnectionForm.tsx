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

/**
 * The organization's EHR connection: issuer, client id, scopes, who may frame the app, and the
 * EHR's CDS Hooks client (optional).
 */
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
  const [cdsIssuer, setCdsIssuer] = useState(connection?.cdsIssuer ?? '');
  const [cdsJwksUrl, setCdsJwksUrl] = useState(connection?.cdsJwksUrl ?? '');
  const form = useFormSubmit();
  // The CDS Hooks client's two optional fields (hook calls signed by the EHR's JWT).
  const cdsFields = [
    {
      id: 'ehr-cds-issuer',
      label: t('ehr.form.cdsIssuer'),
      hint: t('ehr.form.cdsIssuerHint'),
      type: 'text',
      value: cdsIssuer,
      set: setCdsIssuer,
    },
    {
      id: 'ehr-cds-jwks',
      label: t('ehr.form.cdsJwksUrl'),
      hint: t('ehr.form.cdsJwksUrlHint'),
      type: 'url',
      value: cdsJwksUrl,
      set: setCdsJwksUrl,
    },
  ];

  const save = () => {
    const frameAncestors = ancestors.split(/\s+/).filter(Boolean);
    const problems: FieldProblems = new Map();
    if (!isUrl(issuer.trim())) problems.set('ehr-issuer', { key: 'ehr.form.issuerInvalid' });
    if (!clientId.trim()) problems.set('ehr-client', { key: 'ehr.form.clientRequired' });
    if (!scopes.trim()) problems.set('ehr-scopes', { key: 'ehr.form.scopesRequired' });
    if (!frameAncestors.every(isUrl))
      problems.set('ehr-ancestors', { key: 'ehr.form.ancestorsInvalid' });
    // The CDS Hooks client (optional): its JWT issuer and its keys' URL, both or neither.
    const cds = { issuer: cdsIssuer.trim(), jwksUrl: cdsJwksUrl.trim() };
    if (cds.jwksUrl && !cds.issuer)
      problems.set('ehr-cds-issuer', { key: 'ehr.form.cdsIssuerRequired' });
    if (cds.issuer && !isUrl(cds.jwksUrl))
      problems.set('ehr-cds-jwks', { key: 'ehr.form.cdsJwksUrlInvalid' });
    const next: EhrConnection = {
      issuer: issuer.trim(),
      clientId: clientId.trim(),
      scopes: scopes.trim().split(/\s+/).join(' '),
      frameAncestors,
      ...(cds.issuer ? { cdsIssuer: cds.issuer, cdsJwksUrl: cds.jwksUrl } : {}),
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
        {cdsFields.map((field) => (
          <FormField
            key={field.id}
            id={field.id}
            label={field.label}
            hint={field.hint}
            problems={form.problems}
          >
            {(props) => (
              <input
                {...props}
                type={field.type}
                dir="ltr"
                value={field.value}
                onChange={(e) => field.set(e.target.value)}
              />
            )}
          </FormField>
        ))}
      </StackedForm>
    </div>
  );
}
