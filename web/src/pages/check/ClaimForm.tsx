import type { FormEvent } from 'react';
import { useT } from '../../i18n/locale-context.tsx';
import { ClaimFields } from './ClaimFields.tsx';
import type { ClaimDraft, FieldProblems } from './claim-form.ts';
import { ServiceLinesFieldset } from './ServiceLinesFieldset.tsx';

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
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="claim-form" noValidate onSubmit={submit}>
      <ClaimFields draft={draft} onChange={onChange} problems={problems} />
      <ServiceLinesFieldset draft={draft} onChange={onChange} problems={problems} />
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
