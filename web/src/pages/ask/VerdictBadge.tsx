import { useT } from '../../i18n/locale-context.tsx';

const verdictIcons: Record<string, string> = {
  allowed: '✓',
  covered: '✓',
  'modifier-required': '!',
  'not-allowed': '✕',
  'not-covered': '✕',
  'no-edit-found': '?',
  'cannot-tell': '?',
  'no-policy-found': '?',
  valid: '✓',
  'not-billable': '✕',
  ended: '✕',
  'not-yet': '✕',
  'not-in-library': '?',
};

/** The verdict in words with an icon; colour only repeats what the words say. */
export function VerdictBadge({ verdict }: { verdict: string }) {
  const t = useT();
  return (
    <p className={`verdict verdict-${verdict}`}>
      <span className="verdict-icon" aria-hidden="true">
        {verdictIcons[verdict] ?? '•'}
      </span>
      <span className="visually-hidden">{t('ask.verdictLabel')} </span>
      <strong>
        {t(`ask.verdict.${verdict.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`)}
      </strong>
    </p>
  );
}
