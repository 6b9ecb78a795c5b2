import { useState } from 'react';
import type { ApiKey } from '../../../../src/contracts/access.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useT } from '../../i18n/locale-context.tsx';
import { AdminNav } from './AdminNav.tsx';
import { ApiKeyTable } from './ApiKeyTable.tsx';
import { ConfirmDialog, type Confirmation } from './ConfirmDialog.tsx';
import { CreateKeyForm } from './CreateKeyForm.tsx';

/** The organization's API keys: create one (shown once), revoke one. */
export function ApiKeysPage() {
  const t = useT();
  const keys = useApi<{ keys: ApiKey[] }>('/api/admin/api-keys', { keepDataOnError: true });
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [status, setStatus] = useState('');

  const askRevoke = (key: ApiKey) =>
    setConfirmation({
      title: t('keys.revoke.title'),
      body: t('keys.revoke.body', { name: key.name }),
      confirm: t('keys.revoke.confirm', { name: key.name }),
      run: async () => {
        await api(`/api/admin/api-keys/${encodeURIComponent(key.id)}`, { method: 'DELETE' });
        setStatus(t('keys.revoked', { name: key.name }));
        keys.reload();
      },
    });

  return (
    <div className="admin-page">
      <AdminNav />
      <h1>{t('keys.title')}</h1>
      <p className="page-intro">{t('keys.intro')}</p>
      <div className="visually-hidden" role="status">
        {status}
      </div>
      <section aria-labelledby="create-key-heading">
        <h2 id="create-key-heading">{t('keys.create.heading')}</h2>
        <CreateKeyForm onCreated={keys.reload} />
      </section>
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">{t('keys.list')}</h2>
        {keys.error && <LoadError message={keys.error.message} onRetry={keys.reload} />}
        {!keys.data && !keys.error && <p aria-busy="true">{t('shell.loading')}</p>}
        {keys.data && keys.data.keys.length === 0 && <p>{t('keys.empty')}</p>}
        {keys.data && keys.data.keys.length > 0 && (
          <ApiKeyTable keys={keys.data.keys} onRevoke={askRevoke} />
        )}
      </section>
      <ConfirmDialog confirmation={confirmation} onClose={() => setConfirmation(null)} />
    </div>
  );
}
