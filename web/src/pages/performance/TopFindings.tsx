import { ruleIds } from '../../../../src/contracts/checks.ts';
import type { PerformanceReport } from '../../../../src/contracts/performance.ts';
import { Link } from '../../app/router.tsx';
import { cardHref } from '../../components/code-links.ts';
import { useLocale } from '../../i18n/locale-context.tsx';
import { PerfTable } from './PerfTable.tsx';
import { formatCount } from './performance-format.ts';

/** The findings by rule and the ten pairs and codes most often in findings. */
export function TopFindings({ checks }: { checks: PerformanceReport['checks'] }) {
  const { t, locale } = useLocale();
  const count = (n: number) => formatCount(n, locale);
  const rules = Object.entries(checks.findingsByRule).sort((a, b) => b[1] - a[1]);
  const ruleName = (rule: string) =>
    (ruleIds as readonly string[]).includes(rule) ? t(`performance.rule.${rule}`) : rule;
  const codeLink = (code: string) => (
    <Link href={cardHref(code)} dir="ltr">
      {code}
    </Link>
  );
  const countColumn = { label: t('performance.list.count'), numeric: true };
  return (
    <div className="perf-lists">
      <div>
        <h3>{t('performance.rules.heading')}</h3>
        <PerfTable
          caption={t('performance.rules.caption')}
          columns={[{ label: t('performance.rules.rule') }, countColumn]}
          rows={rules.map(([rule, n]) => ({ key: rule, cells: [ruleName(rule), count(n)] }))}
          empty={t('performance.rules.empty')}
        />
      </div>
      <div>
        <h3>{t('performance.pairs.heading')}</h3>
        <PerfTable
          caption={t('performance.pairs.caption')}
          columns={[
            { label: t('performance.pairs.column1') },
            { label: t('performance.pairs.column2') },
            countColumn,
          ]}
          rows={checks.topPairs.map((p) => ({
            key: p.pair,
            cells: [codeLink(p.column1), codeLink(p.column2), count(p.count)],
          }))}
          empty={t('performance.pairs.empty')}
        />
      </div>
      <div>
        <h3>{t('performance.codes.heading')}</h3>
        <PerfTable
          caption={t('performance.codes.caption')}
          columns={[{ label: t('performance.codes.code') }, countColumn]}
          rows={checks.topCodes.map((c) => ({
            key: c.code,
            cells: [codeLink(c.code), count(c.count)],
          }))}
          empty={t('performance.codes.empty')}
        />
      </div>
    </div>
  );
}
