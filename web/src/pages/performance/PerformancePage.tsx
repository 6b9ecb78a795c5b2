import { useT } from '../../i18n/locale-context.tsx';

/** The performance dashboard's place in the app; its measures come with the events behind them. */
export function PerformancePage() {
  const t = useT();
  return (
    <>
      <h1>{t('shell.performance')}</h1>
      <p>{t('performance.notYet')}</p>
    </>
  );
}
