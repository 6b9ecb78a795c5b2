import { useState } from 'react';
import { AUDIT_ACTIONS } from '../../../../src/domain/audit-action.ts';
import { useT } from '../../i18n/locale-context.tsx';
import type { AuditFilters } from './audit-query.ts';

const OUTCOMES = ['ok', 'denied', 'failed'] as const;

/** Action, outcome and a date range; applied together with the Show button. */
export function AuditFilterForm({
  filters,
  onApply,
}: {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState(filters);
  const set = (name: keyof AuditFilters) => (value: string) =>
    setDraft((now) => ({ ...now, [name]: value }));
  return (
    <form
      className="audit-filters"
      aria-label={t('audit.filters')}
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <div className="field">
        <label htmlFor="audit-action">{t('audit.action')}</label>
        <select
          id="audit-action"
          value={draft.action}
          onChange={(e) => set('action')(e.target.value)}
        >
          <option value="">{t('audit.any')}</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-outcome">{t('audit.outcome')}</label>
        <select
          id="audit-outcome"
          value={draft.outcome}
          onChange={(e) => set('outcome')(e.target.value)}
        >
          <option value="">{t('audit.any')}</option>
          {OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`audit.outcome.${outcome}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-from">{t('audit.from')}</label>
        <input
          id="audit-from"
          type="date"
          value={draft.from}
          onChange={(e) => set('from')(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="audit-to">{t('audit.to')}</label>
        <input
          id="audit-to"
          type="date"
          value={draft.to}
          onChange={(e) => set('to')(e.target.value)}
        />
      </div>
      <button type="submit">{t('audit.apply')}</button>
    </form>
  );
}
