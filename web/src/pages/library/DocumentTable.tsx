import { Link } from '../../app/router.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import { countLabel, effectivePeriod, kindLabel, settingLabel } from './library-format.ts';
import { formatInstant } from '../../i18n/format-date.ts';
import type { DocumentSummary } from '../../../../src/contracts/library.ts';

/**
 * The library's document versions: what each is, when it is in force, what it holds. On a phone
 * (library.css) each row stacks its cells, labelled from `data-label`.
 */
export function DocumentTable({
  documents,
  onRemove,
}: {
  documents: readonly DocumentSummary[];
  /** Absent for a role that may not remove documents (no Remove buttons then). */
  onRemove?: (document: DocumentSummary) => void;
}) {
  const { t, locale } = useLocale();
  return (
    <div className="table-scroll" role="region" aria-labelledby="documents-caption" tabIndex={0}>
      <table className="document-table">
        <caption id="documents-caption">
          {t('library.list.caption', { count: documents.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('library.col.title')}</th>
            <th scope="col">{t('library.col.kind')}</th>
            <th scope="col">{t('library.col.setting')}</th>
            <th scope="col">{t('library.col.version')}</th>
            <th scope="col">{t('library.col.effective')}</th>
            <th scope="col">{t('library.col.contents')}</th>
            <th scope="col">{t('library.col.imported')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('library.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {documents.map((doc) => (
            <tr key={doc.id}>
              <th scope="row" className="document-title">
                <Link href={`/library/${doc.id}`} dir="auto">
                  {doc.title}
                </Link>
                {doc.partial && <span className="badge">{t('library.partialBadge')}</span>}
                {doc.shared && (
                  <span className="badge" title={t('library.sharedHint')}>
                    {t('library.sharedBadge')}
                  </span>
                )}
              </th>
              <td data-label={t('library.col.kind')}>{kindLabel(doc.kind, t)}</td>
              <td data-label={t('library.col.setting')}>{settingLabel(doc.setting, t)}</td>
              <td data-label={t('library.col.version')}>
                {doc.release ?? <span className="muted">{t('library.notStated')}</span>}
              </td>
              <td data-label={t('library.col.effective')}>{effectivePeriod(doc, t, locale)}</td>
              <td data-label={t('library.col.contents')}>
                {countLabel(doc, t)}
                {doc.rowsSkipped > 0 && (
                  <span className="muted">
                    {' '}
                    {t('library.count.skipped', { count: doc.rowsSkipped })}
                  </span>
                )}
              </td>
              <td data-label={t('library.col.imported')}>
                {formatInstant(doc.importedAt, locale)}
              </td>
              <td>
                {onRemove && !doc.shared && (
                  <button type="button" className="secondary small" onClick={() => onRemove(doc)}>
                    {t('library.list.remove')}
                    <span className="visually-hidden"> {doc.title}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
