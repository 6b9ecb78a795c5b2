import type { Source } from '../../../../src/contracts/sources.ts';
import { formatLocator } from '../../components/citations.ts';
import { useT } from '../../i18n/locale-context.tsx';
import { SourcePassageView } from './SourcePassageView.tsx';
import { SourceRows } from './SourceRows.tsx';

/** The cited document's details, then the cited rows or passage. */
export function SourceView({ source, locator }: { source: Source; locator: string }) {
  const t = useT();
  const { document: doc, rows, passage } = source;
  const version = doc.release;
  const period =
    doc.effectiveFrom && doc.effectiveTo
      ? t('source.periodRange', { from: doc.effectiveFrom, to: doc.effectiveTo })
      : doc.effectiveFrom
        ? t('source.periodFrom', { from: doc.effectiveFrom })
        : doc.effectiveTo
          ? t('source.periodUntil', { to: doc.effectiveTo })
          : t('source.periodNone');
  return (
    <article className="source" aria-labelledby="source-title">
      <h1 id="source-title" dir="auto">
        {doc.title}
      </h1>
      <dl className="source-meta">
        <div>
          <dt>{t('source.fileName')}</dt>
          <dd dir="auto">{doc.fileName}</dd>
        </div>
        <div>
          <dt>{t('source.version')}</dt>
          <dd>{version ?? t('source.notStated')}</dd>
        </div>
        <div>
          <dt>{t('source.effective')}</dt>
          <dd>{period}</dd>
        </div>
        {doc.setting && (
          <div>
            <dt>{t('source.setting')}</dt>
            <dd>{t('source.settingName', { setting: doc.setting })}</dd>
          </div>
        )}
        <div>
          <dt>{t('source.cited')}</dt>
          <dd dir="auto">{formatLocator(locator, t)}</dd>
        </div>
      </dl>
      {doc.hasFile && (
        <p className="no-print">
          <a href={`/api/library/documents/${doc.id}/file`} download={doc.fileName}>
            {t('source.download', { file: doc.fileName })}
          </a>
        </p>
      )}
      {rows && rows.length > 0 && <SourceRows rows={rows} />}
      {passage && <SourcePassageView source={source} passage={passage} />}
    </article>
  );
}
