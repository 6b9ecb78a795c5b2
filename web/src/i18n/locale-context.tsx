import { IntlMessageFormat } from 'intl-messageformat';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { isLocaleCode, type LocaleCode } from '../../../src/domain/locale.ts';
import { englishCatalog, loadCatalog } from './catalogs.ts';
import { loadScriptFonts } from '../styles/script-fonts.ts';

export type MessageValues = Record<string, string | number>;
export type Translate = (key: string, values?: MessageValues) => string;

interface LocaleState {
  locale: LocaleCode;
  dir: 'ltr' | 'rtl';
  t: Translate;
  setLocale: (locale: LocaleCode) => void;
}

const STORAGE_KEY = 'codecard.locale';
const LocaleContext = createContext<LocaleState | null>(null);

/** The saved choice, else the browser's language when it is one of ours, else English. */
function initialLocale(): LocaleCode {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && isLocaleCode(saved)) return saved;
  } catch {
    // Storage can be blocked inside an EHR's frame; the choice then lasts for the page.
  }
  const browser = (navigator.language || 'en').slice(0, 2).toLowerCase();
  return isLocaleCode(browser) ? browser : 'en';
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [requested, setLocaleState] = useState<LocaleCode>(initialLocale);
  // What is on screen: a language and its strings, switched together once the strings arrive,
  // so the page, <html lang dir> and the messages never disagree (no English shown as Arabic).
  const [shown, setShown] = useState<{
    locale: LocaleCode;
    catalog: Record<string, string>;
  } | null>(requested === 'en' ? { locale: 'en', catalog: englishCatalog } : null);
  const locale = shown?.locale ?? requested;
  const catalog = shown?.catalog ?? null;
  const dir = locale === 'ar' ? 'rtl' : 'ltr';

  useEffect(() => {
    let current = true;
    void loadCatalog(requested).then((loaded) => {
      if (current) setShown({ locale: requested, catalog: loaded });
    });
    return () => {
      current = false;
    };
  }, [requested]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = dir;
    loadScriptFonts(locale);
  }, [locale, dir]);

  const setLocale = useCallback((next: LocaleCode) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // See initialLocale.
    }
    setLocaleState(next);
  }, []);

  const t = useMemo<Translate>(() => {
    const formats = new Map<string, IntlMessageFormat>();
    return (key, values) => {
      const own = catalog?.[key];
      const message = own ?? englishCatalog[key];
      if (message === undefined) return key;
      let format = formats.get(key);
      if (!format) {
        format = new IntlMessageFormat(message, own === undefined ? 'en' : locale);
        formats.set(key, format);
      }
      return String(format.format(values));
    };
  }, [catalog, locale]);

  const state = useMemo(
    () => ({ locale, dir, t, setLocale }) as const,
    [locale, dir, t, setLocale],
  );
  // Until the chosen language's strings arrive, render nothing rather than flash English.
  if (!catalog) return null;
  return <LocaleContext.Provider value={state}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale outside LocaleProvider');
  return state;
}

/** The translate function of the current language. */
export function useT(): Translate {
  return useLocale().t;
}
