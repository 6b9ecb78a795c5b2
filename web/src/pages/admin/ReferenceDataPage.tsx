import { useState } from 'react';
import type { ReferenceDataset } from '../../../../src/contracts/library.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useT } from '../../i18n/locale-context.tsx';
import { AdminNav } from './AdminNav.tsx';

/** Which instance-wide reference datasets this organization uses; its admins turn them on or off. */
export function ReferenceDataPage() {
  const t = useT();
  const load = useApi<{ datasets: ReferenceDataset[] }>('/api/admin/reference-datasets', {
    keepDataOnError: true,
  });
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');

  const choose = async (dataset: ReferenceDataset, use: boolean) => {
    setFailure('');
    try {
      await api(`/api/admin/reference-datasets/${encodeURIComponent(dataset.datasetKey)}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ use }),
      });
      setStatus(t(use ? 'reference.usedNow' : 'reference.offNow', { name: dataset.datasetKey }));
      load.reload();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };

  const datasets = load.data?.datasets;
  return (
    <div className="admin-page">
      <AdminNav />
      <h1>{t('reference.title')}</h1>
      <p className="page-intro">{t('reference.intro')}</p>
      <div className="visually-hidden" role="status">
        {status}
      </div>
      {failure && <p role="alert">{failure}</p>}
      {load.error && <LoadError message={load.error.message} onRetry={load.reload} />}
      {!datasets && !load.error && <p aria-busy="true">{t('shell.loading')}</p>}
      {datasets && datasets.length === 0 && <p>{t('reference.empty')}</p>}
      {datasets && datasets.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('reference.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reference.col.dataset')}</th>
                <th scope="col">{t('reference.col.documents')}</th>
                <th scope="col">{t('reference.col.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('reference.col.action')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {datasets.map((dataset) => (
                <tr key={dataset.datasetKey}>
                  <th scope="row" dir="auto">
                    {dataset.titles.join(', ')}
                    <div className="muted">{dataset.datasetKey}</div>
                  </th>
                  <td>{dataset.documents}</td>
                  <td>{t(`reference.status.${dataset.setAside ?? 'used'}`)}</td>
                  <td>
                    {dataset.setAside !== 'own-release' && (
                      <button
                        type="button"
                        className="secondary small"
                        onClick={() => void choose(dataset, !dataset.used)}
                      >
                        {t(dataset.used ? 'reference.turnOff' : 'reference.use')}
                        <span className="visually-hidden"> {dataset.datasetKey}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
