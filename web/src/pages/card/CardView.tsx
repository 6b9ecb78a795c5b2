import { useMemo, type ReactNode } from 'react';
import type { Card } from '../../../../src/contracts/cards.ts';
import { FootnoteRefs, GroupedSourceList } from '../../components/Footnotes.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import { CardConflicts } from './CardConflicts.tsx';
import { CardGlance, detailsId } from './CardGlance.tsx';
import { CardTables } from './CardTables.tsx';
import { CardFee } from './fee/CardFee.tsx';
import { compactPlaces } from './source-groups.ts';
import { CardQuoteMark } from './CardQuoteMark.tsx';
import { CardStale } from './CardStale.tsx';
import { CardChanges } from './CardChanges.tsx';
import { CARD_NOTE_PREFIX, layoutCard, type LaidOutItem } from './card-layout.ts';

/**
 * The card itself: the glance first (after `afterHeader`, the EHR case's part when one is open), then its sections collapsed with counts (tables for table
 * facts, footnoted statements), conflicts, gaps, sources grouped per document and footer.
 */
export function CardView({ card, afterHeader }: { card: Card; afterHeader?: ReactNode }) {
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
        <CardStale card={card} />
      </header>

      {/* The open EHR case's answer for this code, right under the title (headings in order). */}
      {afterHeader}

      <CardGlance card={card} lines={layout.glance} />

      {/* With a locality asked: the code's Medicare fee there. */}
      <CardFee card={card} />
      {/* What the release in force changed for the code, before the details. */}
      <CardChanges card={card} />

      {layout.sections.map(({ section, tables, count, items, conflicts }) => (
        <section
          key={section.id}
          className={`card-section card-section-${section.id}`}
          aria-labelledby={`section-${section.id}`}
        >
          {/* Collapsed by default: the glance summarises; the heading counts what is inside. */}
          <details id={detailsId(section.id)}>
            <summary>
              <h2 id={`section-${section.id}`}>
                {section.title} <span className="section-count">({count})</span>
              </h2>
            </summary>
            <CardTables tables={tables} />
            {items.length > 0 && (
              <ul className="card-items">
                {items.map((entry, i) => (
                  <Item key={i} entry={entry} card={card} />
                ))}
              </ul>
            )}
            {conflicts.length > 0 && <CardConflicts id={section.id} conflicts={conflicts} />}
          </details>
        </section>
      ))}

      {layout.otherConflicts.length > 0 && (
        <section className="card-section" aria-labelledby="section-other-conflicts">
          <h2 id="section-other-conflicts" {...ui}>
            {t('card.conflictsTitle')}
          </h2>
          <CardConflicts id="other" conflicts={layout.otherConflicts} />
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
        <GroupedSourceList
          groups={layout.footnotes.list}
          prefix={CARD_NOTE_PREFIX}
          compact={compactPlaces}
        />
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
      {item.quoted && <CardQuoteMark lang={item.lang} />}
      <FootnoteRefs numbers={notes} prefix={CARD_NOTE_PREFIX} />
    </li>
  );
}
