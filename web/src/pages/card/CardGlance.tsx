import type { Card } from '../../../../src/contracts/cards.ts';
import { FootnoteRefs } from '../../components/Footnotes.tsx';
import { useLocale } from '../../i18n/locale-context.tsx';
import { CARD_NOTE_PREFIX, type LaidOutGlanceLine } from './card-layout.ts';

/** The id of a section's collapsible block, which "see …" links open. */
export const detailsId = (section: string) => `details-${section}`;

/** Opens a collapsed section before the browser scrolls to it. */
export function openSection(section: string): void {
  const details = document.getElementById(detailsId(section));
  if (details instanceof HTMLDetailsElement) details.open = true;
}

/** The card's first screen: the server's summary lines, each cited, each pointing to its section. */
export function CardGlance({ card, lines }: { card: Card; lines: readonly LaidOutGlanceLine[] }) {
  const { t, locale, dir } = useLocale();
  if (lines.length === 0) return null;
  const ui = locale === card.lang ? {} : { lang: locale, dir };
  const titles = new Map(card.sections.map((s) => [s.id as string, s.title]));
  return (
    <section className="card-glance" aria-labelledby="card-glance-title">
      <h2 id="card-glance-title" {...ui}>
        {t('card.glance')}
      </h2>
      <ul>
        {lines.map(({ line, notes }, i) => {
          const title = line.section && titles.get(line.section);
          return (
            <li key={i} className={`glance-${line.kind}`}>
              <span {...(line.lang !== card.lang ? { lang: line.lang, dir: 'auto' } : {})}>
                {line.text}
              </span>
              <FootnoteRefs numbers={notes} prefix={CARD_NOTE_PREFIX} />
              {title && line.kind !== 'what' && (
                <>
                  {' '}
                  <a
                    className="see-section no-print"
                    href={`#${detailsId(line.section!)}`}
                    onClick={() => openSection(line.section!)}
                    {...ui}
                  >
                    ({t('card.seeSection', { section: title })})
                  </a>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
