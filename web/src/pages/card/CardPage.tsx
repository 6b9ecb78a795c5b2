import { useEffect, useId, useMemo, useState } from 'react';
import type { Card } from '../../../../src/contracts/cards.ts';
import { localeCodes, type LocaleCode } from '../../../../src/domain/locale.ts';
import { api } from '../../api/client.ts';
import { navigate, useLocation } from '../../app/router.tsx';
import { CopyLinkButton } from '../../components/CopyLinkButton.tsx';
import { FootnoteRefs, SourceList } from '../../components/Footnotes.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import { layoutCard, type LaidOutConflict, type LaidOutItem } from './card-layout.ts';
import './card.css';

const settings = ['practitioner', 'hospital', 'dme'] as const;

/** Each language named in itself, so a reader finds the patient's language whatever is shown. */
const endonyms: Record<LocaleCode, string> = {
  en: 'English',
  es: 'Español',
  zh: '中文',
  ru: 'Русский',
  ar: 'العربية',
  vi: 'Tiếng Việt',
  fr: 'Français',
  de: 'Deutsch',
  ko: '한국어',
  tl: 'Tagalog',
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
/** Conflicts shown before "show all" (all of them print). */
const CONFLICTS_SHOWN = 2;
const NOTE_PREFIX = 'card';

type Load =
  | { state: 'loading'; card: Card | null }
  | { state: 'done'; card: Card }
  | { state: 'failed'; card: null; message: string };

/** The code card: every section cited with footnotes, for a date of service, setting, language. */
export function CardPage({ system, code }: { system: string; code: string }) {
  const { t, locale } = useLocale();
  const { path, query } = useLocation();
  const dos = query.get('dos') ?? '';
  const setting = query.get('setting') ?? '';
  const lang = query.get('lang') ?? locale;
  const [load, setLoad] = useState<Load>({ state: 'loading', card: null });
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const controller = new AbortController();
    const params = new URLSearchParams();
    if (isoDate.test(dos)) params.set('dos', dos);
    if (setting) params.set('setting', setting);
    params.set('lang', lang);
    setLoad((previous) => ({ state: 'loading', card: previous.card }));
    api<Card>(
      `/api/cards/${encodeURIComponent(system)}/${encodeURIComponent(code)}?${params.toString()}`,
      { signal: controller.signal },
    ).then(
      (card) => {
        setLoad({ state: 'done', card });
        setAnnouncement(t('card.loaded', { title: card.title }));
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoad({
          state: 'failed',
          card: null,
          message: error instanceof Error ? error.message : String(error),
        });
        setAnnouncement('');
      },
    );
    return () => controller.abort();
    // The card reloads for its own parameters only (not when `t` changes).
  }, [system, code, dos, setting, lang, attempt]);

  const card = load.card;
  useEffect(() => {
    if (!card) return;
    const previous = document.title;
    document.title = card.title;
    return () => {
      document.title = previous;
    };
  }, [card]);

  /** Changes one parameter in the address (replacing it: the back button leaves the card). */
  const update = (name: string, value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(name, value);
    else next.delete(name);
    const search = next.toString();
    navigate(`${path}${search ? `?${search}` : ''}`, { replace: true });
  };

  return (
    <div className="card-page" aria-busy={load.state === 'loading'}>
      <CardControls
        dos={dos || card?.dos || ''}
        setting={setting || card?.setting || 'practitioner'}
        lang={lang}
        onChange={update}
      />
      {load.state === 'loading' && (
        <p className="muted no-print">{card ? t('card.updating') : t('card.loading')}</p>
      )}
      {load.state === 'failed' && (
        <>
          <h1>{t('card.fallbackTitle', { system: system.toUpperCase(), code })}</h1>
          <LoadError message={load.message} onRetry={() => setAttempt((n) => n + 1)} />
        </>
      )}
      {card && <CardView card={card} />}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </div>
  );
}

function CardControls({
  dos,
  setting,
  lang,
  onChange,
}: {
  dos: string;
  setting: string;
  lang: string;
  onChange: (name: string, value: string) => void;
}) {
  const { t } = useLocale();
  const id = useId();
  return (
    <div className="card-controls no-print" role="group" aria-label={t('card.options')}>
      <div className="field">
        <label htmlFor={`${id}-dos`}>{t('card.dos')}</label>
        <input
          id={`${id}-dos`}
          type="date"
          value={dos}
          onChange={(event) => {
            const value = event.target.value;
            if (value === '' || isoDate.test(value)) onChange('dos', value);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-setting`}>{t('card.setting')}</label>
        <select
          id={`${id}-setting`}
          value={setting}
          onChange={(event) => onChange('setting', event.target.value)}
        >
          {settings.map((value) => (
            <option key={value} value={value}>
              {t('card.settingName', { setting: value })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-lang`}>{t('card.language')}</label>
        <select
          id={`${id}-lang`}
          value={lang}
          onChange={(event) => onChange('lang', event.target.value)}
        >
          {localeCodes.map((code) => (
            <option key={code} value={code} lang={code}>
              {endonyms[code]}
            </option>
          ))}
        </select>
      </div>
      <div className="card-actions">
        <button type="button" className="secondary" onClick={() => window.print()}>
          <span aria-hidden="true">🖨 </span>
          {t('card.print')}
        </button>
        <CopyLinkButton />
      </div>
    </div>
  );
}

function CardView({ card }: { card: Card }) {
  const { t, locale, dir } = useLocale();
  const layout = useMemo(() => layoutCard(card), [card]);
  // Words of the app inside the card are in the reader's language, marked as such.
  const ui = locale === card.lang ? {} : { lang: locale, dir };
  return (
    <article className="code-card" dir={card.dir} lang={card.lang} aria-labelledby="card-title">
      <header className="code-card-header">
        <h1 id="card-title">{card.title}</h1>
        <p className="card-context" {...ui}>
          <span>{t('card.dosValue', { date: card.dos })}</span>
          <span>{t('card.settingName', { setting: card.setting })}</span>
          <span>{t('card.libraryVersion', { version: card.libraryVersion })}</span>
        </p>
      </header>

      {layout.sections.map(({ section, items, conflicts }) => (
        <section
          key={section.id}
          className={`card-section card-section-${section.id}`}
          aria-labelledby={`section-${section.id}`}
        >
          <h2 id={`section-${section.id}`}>{section.title}</h2>
          <ul className="card-items">
            {items.map((entry, i) => (
              <Item key={i} entry={entry} card={card} />
            ))}
          </ul>
          {conflicts.length > 0 && <Conflicts id={section.id} conflicts={conflicts} />}
        </section>
      ))}

      {layout.otherConflicts.length > 0 && (
        <section className="card-section" aria-labelledby="section-other-conflicts">
          <h2 id="section-other-conflicts" {...ui}>
            {t('card.conflictsTitle')}
          </h2>
          <Conflicts id="other" conflicts={layout.otherConflicts} />
        </section>
      )}

      {card.gaps.length > 0 && (
        <section className="card-section card-gaps" aria-labelledby="section-gaps">
          <h2 id="section-gaps" {...ui}>
            {t('card.gapsTitle')}
          </h2>
          <p className="muted" {...ui}>
            {t('card.gapsIntro')}
          </p>
          <ul>
            {card.gaps.map((gap) => (
              <li key={gap.section} className="gap">
                <span className="gap-icon" aria-hidden="true">
                  ∅
                </span>{' '}
                {gap.message}
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="card-sources" {...ui}>
        <SourceList notes={layout.footnotes.list} prefix={NOTE_PREFIX} heading="h2" />
      </div>

      <footer className="card-footer">{card.footer}</footer>
    </article>
  );
}

function Item({ entry, card }: { entry: LaidOutItem; card: Card }) {
  const { item, notes } = entry;
  const other = item.lang !== card.lang;
  return (
    <li className={item.relation ? `relation-${item.relation}` : undefined}>
      <span {...(other ? { lang: item.lang, dir: 'auto' } : {})}>{item.text}</span>
      <FootnoteRefs numbers={notes} prefix={NOTE_PREFIX} />
    </li>
  );
}

function Conflicts({ id, conflicts }: { id: string; conflicts: LaidOutConflict[] }) {
  const { t, locale, dir } = useLocale();
  const [expanded, setExpanded] = useState(false);
  const listId = `conflicts-${id}`;
  const hidden = conflicts.length - CONFLICTS_SHOWN;
  return (
    <div className="conflicts" role="note" aria-labelledby={`${listId}-label`}>
      <p id={`${listId}-label`} className="conflicts-label" lang={locale} dir={dir}>
        <span aria-hidden="true">⚠ </span>
        {t('card.conflicts', { count: conflicts.length })}
      </p>
      <ul id={listId} className={expanded ? 'expanded' : undefined}>
        {conflicts.map(({ conflict, notes }, i) => (
          <li key={i} className={i >= CONFLICTS_SHOWN ? 'conflict-extra' : undefined}>
            {conflict.message}
            <FootnoteRefs numbers={notes} prefix={NOTE_PREFIX} />
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <button
          type="button"
          className="secondary no-print"
          aria-expanded={expanded}
          aria-controls={listId}
          lang={locale}
          dir={dir}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t('card.conflictsFewer') : t('card.conflictsAll', { count: hidden })}
        </button>
      )}
    </div>
  );
}
