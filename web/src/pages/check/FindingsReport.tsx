import { useLocale } from '../../i18n/locale-context.tsx';
import type { LineLabels } from './check-types.ts';
import { groupByLines, groupTitle } from './finding-groups.ts';
import { FindingItem } from './FindingItem.tsx';
import { Heading, SummaryCounts } from './FindingParts.tsx';
import type { ClaimResult } from '../../../../src/contracts/checks.ts';

/** One claim's findings, grouped per line. */
export function ClaimFindings({
  result,
  labels,
  level,
  idPrefix,
}: {
  result: ClaimResult;
  labels?: string[];
  level: number;
  idPrefix: string;
}) {
  const { t, locale } = useLocale();
  const groups = groupByLines(result.findings);
  return (
    <article className="claim-result" aria-labelledby={`${idPrefix}-title`}>
      <Heading level={level} id={`${idPrefix}-title`} className="claim-title">
        {t('check.results.claim', { id: result.id })}
      </Heading>
      <SummaryCounts summary={result.summary} />
      {groups.length === 0 ? (
        <p className="claim-clean">{t('check.results.clean')}</p>
      ) : (
        groups.map((group) => {
          const { title, codes } = groupTitle(group, labels, t, locale);
          return (
            <section key={group.key} className="finding-group">
              <Heading level={level + 1} className="finding-group-title">
                {title}
                {codes && (
                  <span className="group-codes">
                    {' '}
                    <bdi>{codes}</bdi>
                  </span>
                )}
              </Heading>
              <ul className="findings">
                {group.findings.map((finding, i) => (
                  <FindingItem key={i} finding={finding} />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </article>
  );
}

/** Every claim's findings (the caller caps how many claims it passes). */
export function FindingsReport({
  results,
  lineLabels,
  level,
  idPrefix,
}: {
  results: readonly ClaimResult[];
  lineLabels?: LineLabels;
  level: number;
  idPrefix: string;
}) {
  return (
    <div className="findings-report">
      {results.map((result, i) => (
        <ClaimFindings
          key={result.id}
          result={result}
          labels={lineLabels?.[result.id]}
          level={level}
          idPrefix={`${idPrefix}-${i}`}
        />
      ))}
    </div>
  );
}
