import { useState } from 'react';
import { useT } from '../i18n/locale-context.tsx';
import { applyTheme, saveThemeChoice, savedThemeChoice, themeChoices } from './theme.ts';
import type { ThemeChoice } from './theme.ts';

/** The colour theme: the system's, light or dark; remembered in this browser. */
export function ThemeSelect() {
  const t = useT();
  const [choice, setChoice] = useState<ThemeChoice>(savedThemeChoice);
  return (
    <div className="theme">
      <label htmlFor="theme-select">{t('shell.theme')}</label>
      <select
        id="theme-select"
        value={choice}
        onChange={(e) => {
          const next = e.target.value as ThemeChoice;
          saveThemeChoice(next);
          applyTheme(next);
          setChoice(next);
        }}
      >
        {themeChoices.map((option) => (
          <option key={option} value={option}>
            {t(`shell.theme.${option}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
