import type { CardChanges, CardCitation } from '../../../src/contracts/cards.ts';
import './components.css';

/** A change's rows as the server labelled them ("HCPCS, April 2026, row 2"). */
function rowsOf(citations: CardCitation[]): string {
  return citations.map((c) => c.label ?? `${c.title}, ${c.locator}`).join('; ');
}

/**
 * "Changed in <release>" blocks: for each dataset, the server's heading and note and each change
 * stated in the reader's language with the rows it reads in the older and newer release. The
 * card shows a code's changes with them, Performance the watch list's.
 */
export function ReleaseChanges({
  changes,
  idPrefix,
  Heading,
}: {
  changes: CardChanges[];
  /** Unique per page: the headings' ids label their sections. */
  idPrefix: string;
  /** The level that fits under the page's own headings. */
  Heading: 'h2' | 'h3' | 'h4';
}) {
  return (
    <>
      {changes.map((dataset, i) => (
        <section
          key={`${dataset.dataset}|${dataset.release}`}
          className="card-section release-changes"
          aria-labelledby={`${idPrefix}-${i}`}
        >
          <Heading id={`${idPrefix}-${i}`}>{dataset.heading}</Heading>
          <p className="muted">{dataset.note}</p>
          <ul>
            {dataset.items.map((item, j) => (
              <li key={j}>
                <span lang={item.lang}>{item.text}</span>{' '}
                <cite className="release-change-rows">{rowsOf(item.citations)}</cite>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
