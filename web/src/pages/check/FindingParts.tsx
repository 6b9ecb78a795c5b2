import type { ReactNode } from 'react';
import { useLocale } from '../../i18n/locale-context.tsx';
import type { ClaimSummary, Severity } from '../../../../src/contracts/checks.ts';

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
