import type { Card, CardItem, CardSection } from '../../../../src/contracts/cards.ts';
import { Link } from '../../app/router.tsx';
import type { Footnotes } from '../../components/citations.ts';
import { cardHref } from '../../components/code-links.ts';
import { FootnoteRefs } from '../../components/Footnotes.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';

/** How many items of each section a summary shows. */
const ITEMS_PER_SECTION = 1;

/** The sections and items a summary shows, in order. */
export function summaryItems(card: Card): { section: CardSection; item: CardItem }[] {
  return card.sections.flatMap((section) =>
    section.items.slice(0, ITEMS_PER_SECTION).map((item) => ({ section, item })),
  );
}

function ItemText({
  item,
  card,
  notes,
  prefix,
}: {
  item: CardItem;
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

/** A code card in brief: title, descriptor, the first items of each section, a link to it all. */
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
  const descriptor = card.sections.find((s) => s.id === 'descriptor')?.items[0];
  const sections = card.sections.filter((s) => s.id !== 'descriptor' && s.items.length > 0);
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
