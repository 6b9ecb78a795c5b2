import { ruleIds } from '../../../../src/contracts/checks.ts';
import { Citation } from '../../components/Citation.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import { SeverityIcon } from './FindingParts.tsx';
import type { Finding as CheckFinding } from '../../../../src/contracts/checks.ts';

const knownRules = new Set<string>(ruleIds);

/** One finding: its severity, rule, message, fix and sources. */
export function FindingItem({ finding }: { finding: CheckFinding }) {
  const { t } = useLocale();
  const codes = [...finding.codes, ...(finding.modifiers ?? [])];
  return (
    <li className={`finding finding-${finding.severity}`}>
      <p className="finding-head">
        <span className="severity">
          <SeverityIcon severity={finding.severity} />
          <strong>{t(`check.severity.${finding.severity}`)}</strong>
        </span>
        <span className="finding-rule">
          {knownRules.has(finding.rule) ? t(`check.rule.${finding.rule}`) : finding.rule}
        </span>
        {codes.length > 0 && (
          <span className="finding-codes">
            <span className="visually-hidden">{t('check.finding.codes')} </span>
            {codes.map((code) => (
              <code key={code}>{code}</code>
            ))}
          </span>
        )}
      </p>
      <p className="finding-message">{finding.message}</p>
      {finding.fix && (
        <p className="finding-fix">
          <strong>{t('check.finding.fix')}</strong> {finding.fix}
        </p>
      )}
      {finding.citations.length > 0 && (
        <div className="finding-sources">
          <strong>{t('check.finding.sources')}</strong>
          <ul>
            {finding.citations.map((citation, i) => (
              <li key={`${citation.documentId}-${citation.locator}-${i}`}>
                <Citation citation={citation} />
                {citation.quote && <q className="citation-quote">{citation.quote}</q>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}
