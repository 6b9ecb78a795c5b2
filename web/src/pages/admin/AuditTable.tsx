import type { AuditEntryView } from '../../../../src/contracts/access.ts';
import { formatInstant } from '../../i18n/format-date.ts';
import { useLocale } from '../../i18n/locale-context.tsx';

/** The log's entries: when, who (email or API key), what, on what, the outcome, from where. */
export function AuditTable({ entries, busy }: { entries: AuditEntryView[]; busy: boolean }) {
  const { t, locale } = useLocale();
  return (
    <div className="table-scroll">
      <table className="admin-table audit-table" aria-busy={busy}>
        <caption className="visually-hidden">{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.col.at')}</th>
            <th scope="col">{t('audit.col.who')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.col.target')}</th>
            <th scope="col">{t('audit.outcome')}</th>
            <th scope="col">{t('audit.col.ip')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{formatInstant(entry.at, locale)}</td>
              <td>
                {entry.actorEmail ??
                  (entry.apiKeyId ? t('audit.apiKey', { id: entry.apiKeyId }) : '—')}
              </td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>{entry.targetType ? `${entry.targetType} ${entry.targetId ?? ''}` : '—'}</td>
              <td className={`outcome-${entry.outcome}`}>{t(`audit.outcome.${entry.outcome}`)}</td>
              <td>{entry.ip ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
