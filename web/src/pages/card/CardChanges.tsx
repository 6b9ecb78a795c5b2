import type { Card, CardCitation } from '../../../../src/contracts/cards.ts';

/** A change's rows as the server labelled them ("HCPCS, April 2026, row 2"). */
function rowsOf(citations: CardCitation[]): string {
  return citations.map((c) => c.label ?? `${c.title}, ${c.locator}`).join('; ');
}

/**
 * "Changed in <release>": for each dataset whose release in force on the date changed something
 * for the code, the server's headings and statements (in the card's language), each with the
 * rows it reads in the older and newer release.
 */
export function CardChanges({ card }: { card: Card }) {
  const changes = card.changes ?? [];
  if (changes.length === 0) return null;
  return (
    <>
      {changes.map((dataset, i) => (
        <section
          key={`${dataset.dataset}|${dataset.release}`}
          className="card-section card-changes"
          aria-labelledby={`changes-${i}`}
        >
          <h2 id={`changes-${i}`}>{dataset.heading}</h2>
          <p className="muted">{dataset.note}</p>
          <ul className="card-items">
            {dataset.items.map((item, j) => (
              <li key={j}>
                <span lang={item.lang}>{item.text}</span>{' '}
                <cite className="card-change-rows">{rowsOf(item.citations)}</cite>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
