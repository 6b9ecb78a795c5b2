import type { Card, CardItem, CardSection, GlanceLine } from '../../../../src/contracts/cards.ts';
import { Link } from '../../app/router.tsx';
import type { Footnotes } from '../../components/citations.ts';
import { cardHref } from '../../components/code-links.ts';
import { FootnoteRefs } from '../../components/Footnotes.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';

/** How many items of each section a summary shows. */
const ITEMS_PER_SECTION = 1;

/**
 * The card's glance lines a summary shows (not the list of data releases): they sum up the
 * sections and the PTP, MUE and add-on tables, which are not section items. Empty for a card
 * stored before cards had a glance.
 */
export function glanceLines(card: Card): GlanceLine[] {
  return (card.glance ?? []).filter((line) => line.kind !== 'releases');
}

/** The cited lines a summary shows, in order: the glance, else the first item of each section. */
export function summaryItems(card: Card): { item: { citations: CardItem['citations'] } }[] {
  const glance = glanceLines(card);
  if (glance.length > 0) return glance.map((item) => ({ item }));
  return card.sections.flatMap((section) =>
    section.items.slice(0, ITEMS_PER_SECTION).map((item) => ({ item })),
  );
}

function ItemText({
  item,
  card,
  notes,
  prefix,
}: {
  item: CardItem | GlanceLine;
  card: Card;
  notes: Footnotes;
  prefix: string;
}) {
  const other = item.lang !== card.lang;
  return (
    <>
      <span lang={other ? item.lang : undefined} dir={other ? 'auto' : undefined}>
        {item.text}
      </span>
      <FootnoteRefs numbers={notes.addAll(item.citations)} prefix={prefix} />
    </>
  );
}

/**
 * A code card in brief: title, the card's glance (what it is, when valid, bundling, units,
 * modifiers, coverage) or, for an older card without one, the descriptor and the first item of
 * each section; a link to it all.
 */
export function CardSummary({
  card,
  notes,
  prefix,
}: {
  card: Card;
  notes: Footnotes;
  prefix: string;
}) {
  const { t, locale } = useLocale();
  const href = cardHref(card.code, {
    system: card.system,
    dos: card.dos,
    setting: card.setting,
    lang: card.lang,
  });
  const headingId = `${prefix}-card-${card.system}-${card.code}`.replace(/[^\w-]/g, '_');
  const glance = glanceLines(card);
  const descriptor =
    glance.length > 0 ? undefined : card.sections.find((s) => s.id === 'descriptor')?.items[0];
  const sections: CardSection[] =
    glance.length > 0
      ? []
      : card.sections.filter((s) => s.id !== 'descriptor' && s.items.length > 0);
  return (
    <article className="card-summary" aria-labelledby={headingId}>
      <div dir={card.dir} lang={card.lang}>
        <h3 id={headingId}>
          <Link href={href}>{card.title}</Link>
        </h3>
        {descriptor && (
          <p className="card-summary-descriptor">
            <ItemText item={descriptor} card={card} notes={notes} prefix={prefix} />
          </p>
        )}
        {glance.length > 0 && (
          <ul className="card-summary-glance">
            {glance.map((line, i) => (
              <li key={i} className={`glance-${line.kind}`}>
                <ItemText item={line} card={card} notes={notes} prefix={prefix} />
              </li>
            ))}
          </ul>
        )}
        {sections.map((section) => (
          <section key={section.id} className="card-summary-section">
            <h4>{section.title}</h4>
            <ul>
              {section.items.slice(0, ITEMS_PER_SECTION).map((item, i) => (
                <li key={i}>
                  <ItemText item={item} card={card} notes={notes} prefix={prefix} />
                </li>
              ))}
            </ul>
            {section.items.length > ITEMS_PER_SECTION && (
              <p className="muted more" lang={locale}>
                {t('ask.moreItems', { count: section.items.length - ITEMS_PER_SECTION })}
              </p>
            )}
          </section>
        ))}
        {card.gaps.length > 0 && (
          <p className="muted" lang={locale}>
            {t('ask.cardGaps', { count: card.gaps.length })}
          </p>
        )}
      </div>
      <p>
        <Link href={href} className="open-card">
          {t('ask.openCard', { code: card.code })}{' '}
          <span className="directional" aria-hidden="true">
            →
          </span>
        </Link>
      </p>
    </article>
  );
}
