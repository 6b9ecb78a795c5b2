import { useLocale } from '../../i18n/locale-context.tsx';
import {
  effectivePeriod,
  formatBytes,
  kindLabel,
  languageName,
  settingLabel,
  systemLabel,
} from './library-format.ts';
import { formatInstant } from '../../i18n/format-date.ts';
import type { DocumentSummary } from '../../../../src/contracts/library.ts';

/** A document version's kind, setting, release, period, file and import time. */
export function DocumentDetails({ doc }: { doc: DocumentSummary }) {
  const { t, locale } = useLocale();
  const rows: [string, string][] = [
    [t('library.col.kind'), kindLabel(doc.kind, t)],
    [t('library.col.setting'), settingLabel(doc.setting, t)],
    [t('library.col.version'), doc.release ?? t('library.notStated')],
    [t('library.col.effective'), effectivePeriod(doc, t, locale)],
    [
      t('library.doc.release'),
      doc.partial ? t('library.doc.partialRelease') : t('library.doc.completeRelease'),
    ],
  ];
  if (doc.system) rows.push([t('library.doc.system'), systemLabel(doc.system, t)]);
  if (doc.language) rows.push([t('library.doc.language'), languageName(doc.language, locale)]);
  if (doc.publisher) rows.push([t('library.doc.publisher'), doc.publisher]);
  rows.push(
    [t('library.doc.file'), `${doc.fileName} (${formatBytes(doc.fileSize, locale)})`],
    [t('library.col.imported'), formatInstant(doc.importedAt, locale)],
  );
  return (
    <dl className="doc-details">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>
            <bdi>{value}</bdi>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A table's rows read, stored and skipped, with the reasons rows were skipped. */
export function RowCounts({ doc }: { doc: DocumentSummary }) {
  const { t } = useLocale();
  const reasons = Object.entries(doc.skippedReasons);
  return (
    <>
      <ul className="doc-counts">
        <li>{t('library.doc.rowsRead', { count: doc.rowsRead })}</li>
        <li>{t('library.doc.rowsStored', { count: doc.rowsStored })}</li>
        <li>{t('library.doc.rowsSkipped', { count: doc.rowsSkipped })}</li>
      </ul>
      {reasons.length > 0 && (
        <>
          <h3>{t('library.doc.skippedReasons')}</h3>
          <ul className="skipped-reasons">
            {reasons.map(([reason, count]) => (
              <li key={reason}>{t('library.result.reason', { reason, count })}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
