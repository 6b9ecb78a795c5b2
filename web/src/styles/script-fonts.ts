/**
 * The Arabic, Chinese and Korean fonts' @font-face rules (over 40 KB compressed for Chinese
 * and Korean alone, split into a hundred unicode-range files) are loaded only when the
 * interface is in that language: an English first visit downloads neither the rules nor the
 * fonts. Text in those languages on another language's page (a passage marked lang="zh") is
 * drawn with the system's fonts.
 */
const loaders: Partial<Record<string, () => Promise<unknown>>> = {
  ar: () => import('@fontsource/noto-sans-arabic/400.css'),
  zh: () => import('@fontsource/noto-sans-sc/400.css'),
  ko: () => import('@fontsource/noto-sans-kr/400.css'),
};

const loaded = new Set<string>();

export function loadScriptFonts(locale: string): void {
  const load = loaders[locale];
  if (!load || loaded.has(locale)) return;
  loaded.add(locale);
  load().catch(() => loaded.delete(locale));
}
