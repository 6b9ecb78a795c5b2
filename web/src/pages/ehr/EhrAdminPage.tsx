import { useState } from 'react';
import type { z } from 'zod';
import type { EhrConnection, ehrAccessRequestSchema } from '../../../../src/contracts/ehr.ts';
import { ApiError } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useT } from '../../i18n/locale-context.tsx';
import { AdminNav } from '../admin/AdminNav.tsx';
import { EhrConnectionForm } from './EhrConnectionForm.tsx';
import './ehr.css';

type AccessRequest = z.infer<typeof ehrAccessRequestSchema>;

/** The access requests answer as a list, or as `{requests: […]}`. */
const requestsOf = (answer: unknown): AccessRequest[] =>
  Array.isArray(answer)
    ? (answer as AccessRequest[])
    : ((answer as { requests?: AccessRequest[] } | null)?.requests ?? []);

/** `/admin/ehr`: the organization's EHR connection and its members' requests for access. */
export function EhrAdminPage() {
  const t = useT();
  const [saved, setSaved] = useState('');
  const connection = useApi<EhrConnection | null>('/api/ehr/connection');
  const requests = useApi<unknown>('/api/ehr/access-requests');
  // No connection yet: the server answers 404 (or null); the form starts empty.
  const none = connection.error instanceof ApiError && connection.error.status === 404;
  const list = requests.data === null ? null : requestsOf(requests.data);

  return (
    <div className="admin-page">
      <AdminNav />
      <h1>{t('ehr.admin.title')}</h1>
      <p className="page-intro">{t('ehr.admin.intro')}</p>
      <div className="visually-hidden" role="status">
        {saved}
      </div>

      <section aria-labelledby="ehr-connection-heading">
        <h2 id="ehr-connection-heading">{t('ehr.admin.connection')}</h2>
        {connection.error && !none && (
          <LoadError message={connection.error.message} onRetry={connection.reload} />
        )}
        {connection.loading && <p aria-busy="true">{t('shell.loading')}</p>}
        {!connection.loading && (none || !connection.error) && (
          <EhrConnectionForm
            key={connection.data?.issuer ?? ''}
            connection={connection.data ?? null}
            onSaved={(next) => {
              setSaved(t('ehr.admin.saved'));
              connection.setData(next);
            }}
          />
        )}
      </section>

      <section aria-labelledby="ehr-requests-heading">
        <h2 id="ehr-requests-heading">{t('ehr.admin.requests')}</h2>
        {requests.error && <LoadError message={requests.error.message} onRetry={requests.reload} />}
        {list && list.length === 0 && <p className="muted">{t('ehr.admin.noRequests')}</p>}
        {list && list.length > 0 && (
          <ul className="ehr-requests">
            {list.map((request) => (
              <li key={request.id}>
                <strong dir="auto">{request.userEmail}</strong>{' '}
                <time className="muted" dateTime={request.requestedAt}>
                  {request.requestedAt.slice(0, 10)}
                </time>
                {request.note && (
                  <div dir="auto">
                    <q>{request.note}</q>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
