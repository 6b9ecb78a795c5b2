/** The audit log's filters as typed (empty: any). */
export interface AuditFilters {
  action: string;
  outcome: string;
  from: string;
  to: string;
}

export const noFilters: AuditFilters = { action: '', outcome: '', from: '', to: '' };

/** The query string for the filters (and the page, `before`), the same for the page and CSV. */
export function auditQuery(filters: AuditFilters, before: number | null = null): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters) as [string, string][])
    if (value) query.set(name, value);
  if (before !== null) query.set('before', String(before));
  const text = query.toString();
  return text ? `?${text}` : '';
}
