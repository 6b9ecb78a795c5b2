import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';

import { localeCodes, type LocaleCode } from '../domain/locale.ts';
import {
  catalogs,
  languageName,
  messageKeys,
  t,
  textDirection,
  type MessageKey,
  type MessageValues,
} from './translate.ts';

const translated = localeCodes.filter((l) => l !== 'en');

/** The message `key` as written in `locale`'s catalog (the tests below prove every key exists). */
function source(locale: LocaleCode, key: MessageKey): string {
  const text = catalogs[locale][key];
  if (text === undefined) throw new Error(`${locale} has no ${key}`);
  return text;
}

interface ArgumentInfo {
  /** Every argument name, wherever it occurs. */
  names: Set<string>;
  /** Arguments printed as they are (`{name}`), with whether they sit at the top level. */
  simple: Map<string, boolean>;
  /** Select arguments and the union of their option keys. */
  selects: Map<string, Set<string>>;
  /** Plural arguments and the option keys of each occurrence. */
  plurals: { name: string; options: string[] }[];
}

function collect(
  elements: MessageFormatElement[],
  info: ArgumentInfo = { names: new Set(), simple: new Map(), selects: new Map(), plurals: [] },
  topLevel = true,
): ArgumentInfo {
  for (const el of elements) {
    switch (el.type) {
      case TYPE.argument:
        info.names.add(el.value);
        info.simple.set(el.value, (info.simple.get(el.value) ?? false) || topLevel);
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        info.names.add(el.value);
        break;
      case TYPE.select: {
        info.names.add(el.value);
        const keys = info.selects.get(el.value) ?? new Set<string>();
        for (const [option, { value }] of Object.entries(el.options)) {
          keys.add(option);
          collect(value, info, false);
        }
        info.selects.set(el.value, keys);
        break;
      }
      case TYPE.plural:
        info.names.add(el.value);
        info.plurals.push({ name: el.value, options: Object.keys(el.options) });
        for (const { value } of Object.values(el.options)) collect(value, info, false);
        break;
      case TYPE.tag:
        collect(el.children, info, topLevel);
        break;
      case TYPE.literal:
      case TYPE.pound:
        break;
    }
  }
  return info;
}

function argumentsOf(locale: LocaleCode, key: MessageKey): ArgumentInfo {
  return collect(parse(source(locale, key), { requiresOtherClause: true }));
}

/** Sample values covering every placeholder of every message. */
function sampleValues(locale: LocaleCode): MessageValues {
  return {
    year: 2026,
    system: 'CPT',
    code: '62264',
    column1: '62263',
    column2: '62264',
    modifier: 'XS',
    units: 2,
    codes: '77003, 77012',
    version: '2026.04.1',
    date: '2026-03-15',
    since: '2024-01-01',
    until: '2026-01-01',
    original: languageName('en', locale, 'sentence'),
    language: languageName(locale, locale, 'sentence'),
    setting: 'practitioner',
    text: 'Percutaneous lysis of epidural adhesions',
    value: 2,
    adjudication: 3,
    rationale: 'Anatomic consideration',
    days: 10,
    indicator: '1',
    period: 'day',
    count: 3,
    column: 2,
    policy: 'L39240',
    examples: 'M54.16, M96.1',
    primaries: '64483, 64479',
    policies: 'L39240, A58745',
    diagnoses: 'M54.16, M48.061',
    modifiers: 'XS, 59',
    scope: 'full release',
    release: 'NCCI PTP release',
    last: '0001U',
    a: '62263',
    b: '62264',
    from: '2024-01-01',
    to: '2026-12-31',
    why: 'sameSite',
    counting: 'line',
    lines: '2, 3',
    max: 1,
    diagnosis: 'M54.16',
    section: t(locale, 'section.modifiers'),
    first: 'NCCI PTP 2026Q2',
    firstValue: 'modifier indicator 1',
    second: 'Payer policy 12',
    secondValue: 'modifier indicator 0',
    row: 12,
    page: 4,
    line: 27,
    end: '2024-12-31',
    start: '2027-01-01',
    type: 'excludes1',
    status: 'not-done',
    url: 'https://ehr.example/fhir/StructureDefinition/x',
    key: '62263/62264',
    previous: 'v32.1',
    dataset: 'NCCI PTP',
    before: '0',
    after: '1',
    field: 'pricingIndicator',
  };
}

/** Numbers shown as they are, never wrapped in bidi isolates. */
const numericArguments = new Set(['year', 'row', 'page', 'line', 'column']);
const FSI = '\u2068';
const PDI = '\u2069';

describe('message catalogs', () => {
  it('give every locale exactly the English keys', () => {
    const english = Object.keys(catalogs.en).sort();
    expect(english).toEqual([...messageKeys].sort());
    for (const locale of localeCodes) {
      expect(Object.keys(catalogs[locale]).sort(), locale).toEqual(english);
    }
  });

  it('parse every message with IntlMessageFormat in its own locale', () => {
    for (const locale of localeCodes) {
      for (const key of messageKeys) {
        expect(
          () => new IntlMessageFormat(source(locale, key), locale),
          `${locale} ${key}`,
        ).not.toThrow();
        expect(
          () => parse(source(locale, key), { requiresOtherClause: true }),
          `${locale} ${key}`,
        ).not.toThrow();
      }
    }
  });

  it('use the same placeholders and select options as English', () => {
    for (const key of messageKeys) {
      const english = argumentsOf('en', key);
      for (const locale of translated) {
        const other = argumentsOf(locale, key);
        expect([...other.names].sort(), `${locale} ${key}`).toEqual([...english.names].sort());
        for (const [name, keys] of english.selects) {
          expect([...(other.selects.get(name) ?? [])].sort(), `${locale} ${key} ${name}`).toEqual(
            [...keys].sort(),
          );
        }
        expect(other.plurals.length, `${locale} ${key}`).toBeGreaterThanOrEqual(
          english.plurals.length,
        );
      }
    }
  });

  it("write plural branches for each language's own categories", () => {
    // The categories each catalog must spell out (beyond `=N` exact matches). French "many" and
    // Spanish "many" (millions) fall back to "other", which is right when the count is in digits.
    // Tagalog: CLDR's one/other split for Filipino is the -ng/na linker of spelled-out numbers
    // (isang, dalawang... vs apat na, anim na, siyam na), not singular/plural, so the catalog
    // uses "other" plus "=1" (spelled "isang") and the noun never changes.
    const required: Record<LocaleCode, string[]> = {
      en: ['one', 'other'],
      es: ['one', 'other'],
      de: ['one', 'other'],
      fr: ['one', 'other'],
      ru: ['one', 'few', 'many', 'other'],
      ar: ['zero', 'one', 'two', 'few', 'many', 'other'],
      zh: ['other'],
      ko: ['other'],
      vi: ['other'],
      tl: ['other'],
    };
    for (const locale of localeCodes) {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const key of messageKeys) {
        for (const { name, options } of argumentsOf(locale, key).plurals) {
          const where = `${locale} ${key} ${name}`;
          const plain = options.filter((o) => !o.startsWith('='));
          for (const option of plain) expect(categories, where).toContain(option);
          // An exact "=0" makes the Arabic "zero" category (exactly 0) unreachable.
          const needed = required[locale].filter((c) => !(c === 'zero' && options.includes('=0')));
          for (const category of needed) expect(plain, where).toContain(category);
        }
      }
    }
  });

  it('never use an ASCII apostrophe where ICU would read it as a quote', () => {
    for (const locale of localeCodes) {
      for (const key of messageKeys) {
        expect(source(locale, key), `${locale} ${key}`).not.toMatch(/'[{}#|']/);
      }
    }
    expect(t('en', 'card.footer', { version: '1' })).toContain("organization's own documents");
  });

  it('translate every section title', () => {
    for (const key of messageKeys.filter((k) => k.startsWith('section.'))) {
      for (const locale of translated) {
        expect(source(locale, key), `${locale} ${key}`).not.toBe(source('en', key));
      }
    }
  });

  it('translate every message except ones that read the same in the language', () => {
    const same: string[] = [];
    for (const key of messageKeys) {
      for (const locale of translated) {
        if (source(locale, key) === source('en', key)) same.push(`${locale} ${key}`);
      }
    }
    // French writes both like English: "page", "Source" (the CLI card's table heading).
    expect(same).toEqual(['fr citation.page', 'fr card.col.source']);
  });

  it('isolate every non-numeric placeholder in Arabic so Latin codes keep their order', () => {
    for (const key of messageKeys) {
      const text = source('ar', key);
      for (const name of argumentsOf('ar', key).simple.keys()) {
        const bare = text.split(`{${name}}`).length - 1;
        const isolated = text.split(`${FSI}{${name}}${PDI}`).length - 1;
        expect(isolated, `ar ${key} {${name}}`).toBe(numericArguments.has(name) ? 0 : bare);
      }
    }
    for (const locale of translated.filter((l) => l !== 'ar')) {
      for (const key of messageKeys) {
        expect(source(locale, key), `${locale} ${key}`).not.toMatch(/[\u2066-\u2069]/);
      }
    }
  });

  it('keep codes, modifiers and program names untranslated', () => {
    const keep: [MessageKey, string[]][] = [
      ['modifiers.ncciBypass', ['NCCI', '59', 'XE', 'XS', 'XP', 'XU']],
      ['modifiers.assistant', ['80', '81', '82', 'AS']],
      ['modifiers.multipleProcedure', ['51']],
      ['modifiers.bilateral', ['50']],
      ['modifiers.coSurgeons', ['62']],
      ['modifiers.team', ['66']],
      ['modifiers.addOn', ['51']],
      ['necessity.covered', ['ICD-10-CM']],
      ['reporting.mue', ['MUE']],
      ['bundling.includes', ['NCCI', '9']],
    ];
    for (const locale of localeCodes) {
      for (const [key, terms] of keep) {
        for (const term of terms) expect(source(locale, key), `${locale} ${key}`).toContain(term);
      }
    }
  });
});

describe('t', () => {
  it('has a sample value for every placeholder', () => {
    const sample = sampleValues('en');
    for (const key of messageKeys) {
      for (const name of argumentsOf('en', key).names) {
        expect(sample, `${key} {${name}}`).toHaveProperty(name);
      }
    }
  });

  it('renders every message, through every select branch, in every locale', () => {
    for (const locale of localeCodes) {
      const base = sampleValues(locale);
      for (const key of messageKeys) {
        const info = argumentsOf(locale, key);
        const variants: MessageValues[] = [base];
        for (const [name, options] of info.selects) {
          for (const option of options) {
            variants.push({ ...base, [name]: option === 'other' ? 'custom-value' : option });
          }
        }
        for (const values of variants) {
          const out = t(locale, key, values);
          const where = `${locale} ${key} ${JSON.stringify(values)}`;
          expect(out.trim().length, where).toBeGreaterThan(0);
          expect(out, where).not.toMatch(/[{}#]|undefined|NaN|\[object/);
          for (const [name, topLevel] of info.simple) {
            if (topLevel) expect(out, `${where} {${name}}`).toContain(String(values[name]));
          }
        }
      }
    }
  });

  it('renders the documented English examples', () => {
    expect(t('en', 'card.title', { year: 2026, system: 'CPT', code: '62264' })).toBe(
      '2026 CPT code 62264',
    );
    expect(t('en', 'reporting.mue', { value: 1, adjudication: 3, setting: 'practitioner' })).toBe(
      'No more than 1 unit per day (date-of-service edit, clinical) (practitioner MUE).',
    );
    expect(
      t('en', 'bundling.includes', { code: '77003', indicator: '1', since: 'none', until: 'none' }),
    ).toBe('Includes 77003: not reported together unless an NCCI-associated modifier applies.');
    expect(t('en', 'reporting.globalDays', { days: 0 })).toBe(
      'Global surgery period: none (0 days).',
    );
  });

  it('renders the chosen select branch and the select fallback', () => {
    expect(t('de', 'card.setting', { setting: 'hospital' })).toBe('Krankenhaus, ambulant');
    expect(t('fr', 'card.setting', { setting: 'ambulance' })).toBe('ambulance');
    expect(
      t('es', 'bundling.includedIn', {
        code: '64483',
        indicator: 0,
        since: '2024-01-01',
        until: 'none',
      }),
    ).toBe(
      'Incluido en 64483: nunca se facturan juntos; ningún modificador lo permite; vigente desde 2024-01-01.',
    );
    expect(t('ar', 'card.title', { year: 2026, system: 'CPT', code: '62264' })).toBe(
      `رمز ${FSI}CPT${PDI} ${FSI}62264${PDI} لعام 2026`,
    );
  });
});

describe('plural forms', () => {
  const counts = [0, 1, 2, 3, 5, 11, 21, 100];

  /** `key` rendered for `n`, with the number itself (not digits inside codes) replaced by "#". */
  function form(locale: LocaleCode, key: MessageKey, name: string, n: number): string {
    const values = { ...sampleValues(locale), column: 'B', [name]: n };
    const number = new Intl.NumberFormat(locale).format(n);
    return t(locale, key, values).replace(new RegExp(`(?<![\\d.,])${number}(?!\\d)`, 'gu'), '#');
  }

  // For "No more than {value} units": which counts share a form and which must differ.
  const unitForms: Record<LocaleCode, number[][]> = {
    en: [[1], [0, 2, 3, 5, 11, 21, 100]],
    es: [[1], [0, 2, 3, 5, 11, 21, 100]],
    de: [[1], [0, 2, 3, 5, 11, 21, 100]],
    fr: [
      [0, 1],
      [2, 3, 5, 11, 21, 100],
    ], // French "one" covers 0 and 1.
    ru: [
      [1, 21],
      [2, 3],
      [0, 5, 11, 100],
    ], // единица, единицы, единиц
    // zero, one (وحدة واحدة), two (وحدتين), few 3–10 (وحدات), many 11–99 and other 100+ (وحدة:
    // accusative and genitive singular, spelled the same without vowel marks).
    ar: [[0], [1], [2], [3, 5], [11, 21, 100]],
    zh: [counts],
    ko: [counts],
    vi: [counts],
    tl: [[1], [0, 2, 3, 5, 11, 21, 100]], // "isang yunit", "# yunit"
  };

  for (const locale of localeCodes) {
    it(`changes the unit noun where ${locale} grammar requires it`, () => {
      const groups = unitForms[locale];
      expect(groups.flat().sort((a, b) => a - b)).toEqual(counts);
      const representative = groups.map((group) => {
        const forms = group.map((n) => form(locale, 'reporting.mue', 'value', n));
        for (const f of forms) expect(f, `${locale} ${group.join(',')}`).toBe(forms[0]);
        return forms[0];
      });
      expect(new Set(representative).size, `${locale} ${representative.join(' | ')}`).toBe(
        groups.length,
      );
    });
  }

  it('renders every plural message the same for counts in the same category', () => {
    for (const locale of localeCodes) {
      const rules = new Intl.PluralRules(locale);
      for (const key of messageKeys) {
        for (const { name, options } of argumentsOf(locale, key).plurals) {
          const byBranch = new Map<string, string>();
          for (const n of counts) {
            const branch = options.includes(`=${n}`) ? `=${n}` : rules.select(n);
            const rendered = form(locale, key, name, n);
            const seen = byBranch.get(branch);
            if (seen === undefined) byBranch.set(branch, rendered);
            else expect(rendered, `${locale} ${key} ${name}=${n}`).toBe(seen);
          }
        }
      }
    }
  });

  it('uses Russian and Arabic number agreement', () => {
    const ru = (n: number) => t('ru', 'modifiers.noBypass', { count: n });
    expect(ru(1)).toBe('1 правило для этого кода нельзя обойти никаким модификатором.');
    expect(ru(3)).toBe('3 правила для этого кода нельзя обойти никаким модификатором.');
    expect(ru(5)).toBe('5 правил для этого кода нельзя обойти никаким модификатором.');
    expect(ru(21)).toBe('21 правило для этого кода нельзя обойти никаким модификатором.');
    const ar = (n: number) => t('ar', 'reporting.globalDays', { days: n });
    expect(ar(1)).toBe('فترة الجراحة الشاملة: يوم واحد.');
    expect(ar(2)).toBe('فترة الجراحة الشاملة: يومان.');
    expect(ar(3)).toBe('فترة الجراحة الشاملة: 3 أيام.');
    expect(ar(11)).toBe('فترة الجراحة الشاملة: 11 يومًا.');
    expect(ar(100)).toBe('فترة الجراحة الشاملة: 100 يوم.');
    expect(t('zh', 'reporting.globalDays', { days: 1 })).toBe('整体手术期：1 天。');
    expect(t('zh', 'reporting.globalDays', { days: 90 })).toBe('整体手术期：90 天。');
  });
});

describe('textDirection', () => {
  it('is rtl for Arabic only', () => {
    expect(textDirection('ar')).toBe('rtl');
    for (const locale of translated.filter((l) => l !== 'ar')) {
      expect(textDirection(locale)).toBe('ltr');
    }
    expect(textDirection('en')).toBe('ltr');
  });
});

describe('languageName', () => {
  it('names each language in its own language, capitalized for menus', () => {
    expect(languageName('es', 'es')).toBe('Español');
    expect(languageName('ar', 'ar')).toBe('العربية');
    expect(languageName('fr', 'fr')).toBe('Français');
    expect(languageName('ru', 'ru')).toBe('Русский');
    expect(languageName('zh', 'zh')).toBe('中文');
    expect(languageName('ko', 'ko')).toBe('한국어');
    expect(languageName('vi', 'vi')).toBe('Tiếng Việt');
    expect(languageName('de', 'de')).toBe('Deutsch');
    expect(languageName('en', 'en')).toBe('English');
  });

  it('names languages in another language', () => {
    expect(languageName('de', 'en')).toBe('German');
    expect(languageName('en', 'es')).toBe('Inglés');
    expect(languageName('en', 'es', 'sentence')).toBe('inglés');
    expect(languageName('en', 'fr', 'sentence')).toBe('anglais');
    expect(languageName('en', 'ar', 'sentence')).toBe('الإنجليزية');
    expect(languageName('en', 'vi', 'sentence')).toBe('tiếng Anh');
    expect(languageName('en', 'vi')).toBe('Tiếng Anh');
  });

  it('gives every locale a name in every locale', () => {
    for (const locale of localeCodes) {
      for (const inLocale of localeCodes) {
        expect(languageName(locale, inLocale).length).toBeGreaterThan(1);
      }
    }
  });

  it('fits the sentence form into card.notInLanguage', () => {
    expect(
      t('es', 'card.notInLanguage', {
        original: languageName('en', 'es', 'sentence'),
        language: languageName('es', 'es', 'sentence'),
      }),
    ).toBe('Se muestra en inglés: su biblioteca no tiene texto en español para este elemento.');
  });
});
