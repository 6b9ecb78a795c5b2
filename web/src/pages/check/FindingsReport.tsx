import type { ReactNode } from 'react';
import { Citation } from '../../components/Citation.tsx';
import { useLocale, type Translate } from '../../i18n/locale-context.tsx';
import type {
  CheckFinding,
  ClaimResult,
  ClaimSummary,
  LineLabels,
  Severity,
} from './check-types.ts';

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const knownRules = new Set([
  'code-validity',
  'ptp',
  'mue',
  'add-on',
  'modifier',
  'medical-necessity',
  'frequency',
  'duplicate',
]);

export interface FindingGroup {
  key: string;
  /** 1-based line numbers; empty for findings about the whole claim. */
  lines: number[];
  findings: CheckFinding[];
}

/**
 * Findings grouped by the lines they concern: the whole claim first, then line by line (a
 * finding between two lines, like a PTP pair, is its own group "Lines 1 and 2"). Errors lead
 * each group.
 */
export function groupByLines(findings: readonly CheckFinding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const lines = [...new Set(finding.lines)].sort((a, b) => a - b);
    const key = lines.join(',');
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, lines, findings: [] }));
    group.findings.push(finding);
  }
  const compare = (a: FindingGroup, b: FindingGroup) => {
    if (a.lines.length === 0 || b.lines.length === 0) return a.lines.length - b.lines.length;
    for (let i = 0; i < Math.min(a.lines.length, b.lines.length); i++)
      if (a.lines[i] !== b.lines[i]) return a.lines[i]! - b.lines[i]!;
    return a.lines.length - b.lines.length;
  };
  return [...groups.values()].sort(compare).map((group) => ({
    ...group,
    findings: [...group.findings].sort(
      (a, b) => severityOrder[a.severity] - severityOrder[b.severity],
    ),
  }));
}

/** "1 error, 2 warnings and 1 info message" in the reader's language. */
export function summaryText(summary: ClaimSummary, t: Translate, locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format([
    t('check.summary.errors', { count: summary.errors }),
    t('check.summary.warnings', { count: summary.warnings }),
    t('check.summary.infos', { count: summary.infos }),
  ]);
}

export function Heading({
  level,
  children,
  id,
  className,
}: {
  level: number;
  children: ReactNode;
  id?: string;
  className?: string;
}) {
  const Tag = `h${Math.min(6, Math.max(2, level))}` as 'h2';
  return (
    <Tag id={id} className={className}>
      {children}
    </Tag>
  );
}

/** A severity's shape and word, so it never rests on colour alone. */
export function SeverityIcon({ severity }: { severity: Severity }) {
  return (
    <svg
      className={`severity-icon severity-icon-${severity}`}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      {severity === 'error' && (
        <>
          <circle cx="8" cy="8" r="7.5" fill="currentColor" />
          <path d="M5 5l6 6M11 5l-6 6" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
        </>
      )}
      {severity === 'warning' && (
        <>
          <path d="M8 0.8L15.5 14.6H0.5Z" fill="currentColor" />
          <path d="M8 5.5v4.2" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
          <circle cx="8" cy="12" r="1" fill="#fff" />
        </>
      )}
      {severity === 'info' && (
        <>
          <circle cx="8" cy="8" r="7.5" fill="currentColor" />
          <path d="M8 7v5" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
          <circle cx="8" cy="4.5" r="1" fill="#fff" />
        </>
      )}
    </svg>
  );
}

export function SummaryCounts({ summary }: { summary: ClaimSummary }) {
  const { t } = useLocale();
  const items: [Severity, string][] = [
    ['error', t('check.summary.errors', { count: summary.errors })],
    ['warning', t('check.summary.warnings', { count: summary.warnings })],
    ['info', t('check.summary.infos', { count: summary.infos })],
  ];
  return (
    <ul className="summary-counts">
      {items.map(([severity, text]) => (
        <li key={severity} className={`summary-${severity}`}>
          <SeverityIcon severity={severity} /> {text}
        </li>
      ))}
    </ul>
  );
}

function FindingItem({ finding }: { finding: CheckFinding }) {
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

function groupTitle(
  group: FindingGroup,
  labels: string[] | undefined,
  t: Translate,
  locale: string,
): { title: string; codes: string } {
  if (group.lines.length === 0) return { title: t('check.group.claim'), codes: '' };
  const numbers = group.lines;
  // Labels are indexed from 0; line numbers count from 1.
  const codes = labels
    ? group.lines
        .map((l) => labels[l - 1])
        .filter((label) => label)
        .join(' · ')
    : '';
  if (numbers.length === 1) return { title: t('check.group.line', { number: numbers[0]! }), codes };
  return {
    title: t('check.group.lines', {
      numbers: new Intl.ListFormat(locale, { type: 'conjunction' }).format(numbers.map(String)),
    }),
    codes,
  };
}

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
