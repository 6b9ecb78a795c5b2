import { useState } from 'react';
import type { AuditEntryView } from '../../../../src/contracts/access.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useT } from '../../i18n/locale-context.tsx';
import { AdminNav } from './AdminNav.tsx';
import { AuditFilterForm } from './AuditFilterForm.tsx';
import { AuditTable } from './AuditTable.tsx';
import { auditQuery, noFilters, type AuditFilters } from './audit-query.ts';

interface AuditPageData {
  entries: AuditEntryView[];
  next: number | null;
}

/** Who did what and when, newest first: filters, older pages, and the same view as CSV. */
export function AuditPage() {
  const t = useT();
  const [filters, setFilters] = useState<AuditFilters>(noFilters);
  // The pages walked so far (`before` of each); the last is on screen.
  const [pages, setPages] = useState<(number | null)[]>([null]);
  const before = pages.at(-1) ?? null;
  const log = useApi<AuditPageData>(`/api/admin/audit${auditQuery(filters, before)}`, {
    keepDataOnError: true,
  });
  const next = log.data?.next ?? null;

  return (
    <div className="admin-page">
      <AdminNav />
      <h1>{t('audit.title')}</h1>
      <p className="page-intro">{t('audit.intro')}</p>
      <AuditFilterForm
        filters={filters}
        onApply={(applied) => {
          setFilters(applied);
          setPages([null]);
        }}
      />
      <p>
        <a className="button-link secondary" href={`/api/admin/audit.csv${auditQuery(filters)}`}>
          {t('audit.csv')}
        </a>
      </p>
      {log.error && <LoadError message={log.error.message} onRetry={log.reload} />}
      {!log.data && !log.error && <p aria-busy="true">{t('shell.loading')}</p>}
      {log.data && log.data.entries.length === 0 && <p>{t('audit.empty')}</p>}
      {log.data && log.data.entries.length > 0 && (
        <AuditTable entries={log.data.entries} busy={log.loading} />
      )}
      <div className="pager">
        {pages.length > 1 && (
          <button type="button" className="secondary" onClick={() => setPages([null])}>
            {t('audit.newest')}
          </button>
        )}
        {next !== null && (
          <button
            type="button"
            className="secondary"
            disabled={log.loading}
            onClick={() => setPages((now) => [...now, next])}
          >
            {t('audit.older')}
          </button>
        )}
      </div>
    </div>
  );
}
