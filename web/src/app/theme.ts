/** The colour theme the user chose in the top bar: the system's (the default), light or dark. */
export type ThemeChoice = 'system' | 'light' | 'dark';

export const themeChoices: readonly ThemeChoice[] = ['system', 'light', 'dark'];

const STORAGE_KEY = 'codecard.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function isThemeChoice(value: string | null): value is ThemeChoice {
  return value === 'system' || value === 'light' || value === 'dark';
}

/** The saved choice, else the system's. */
export function savedThemeChoice(): ThemeChoice {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isThemeChoice(saved)) return saved;
  } catch {
    // Storage can be blocked inside an EHR's frame; the choice then lasts for the page.
  }
  return 'system';
}

export function saveThemeChoice(choice: ThemeChoice): void {
  try {
    localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // See savedThemeChoice.
  }
}

/** The theme a choice shows now: the system's preference decides for 'system'. */
export function resolveTheme(choice: ThemeChoice, systemPrefersDark: boolean): 'light' | 'dark' {
  if (choice === 'system') return systemPrefersDark ? 'dark' : 'light';
  return choice;
}

function systemPrefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches;
}

/** Sets <html data-theme> (global.css holds the palettes) for the choice. */
export function applyTheme(choice: ThemeChoice): void {
  document.documentElement.dataset.theme = resolveTheme(choice, systemPrefersDark());
}

/**
 * Applies the saved choice now (before the first render, so the page does not flash light at
 * night) and again whenever the system switches between light and dark.
 */
export function startTheme(): void {
  applyTheme(savedThemeChoice());
  if (typeof matchMedia !== 'function') return;
  matchMedia(DARK_QUERY).addEventListener('change', () => applyTheme(savedThemeChoice()));
}
