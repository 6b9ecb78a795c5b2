import { useT } from '../i18n/locale-context.tsx';
import { Link } from '../app/router.tsx';
import { Citation } from './Citation.tsx';
import { formatLocator, sourceHref, type CitationData, type Footnote } from './citations.ts';
import './components.css';

const noteId = (prefix: string, number: number) => `${prefix}-note-${number}`;

/** Runs of three or more consecutive numbers are shown as a range: 5, 6, 7, 8 → 5–8. */
export function footnoteGroups(numbers: readonly number[]): number[][] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const number of sorted) {
    const last = groups.at(-1);
    if (last && number === last.at(-1)! + 1) last.push(number);
    else groups.push([number]);
  }
  return groups.flatMap((group) => (group.length >= 3 ? [group] : group.map((n) => [n])));
}

/** Superscript footnote numbers after a statement, each jumping to its entry in the list. */
export function FootnoteRefs({ numbers, prefix }: { numbers: readonly number[]; prefix: string }) {
  const t = useT();
  if (numbers.length === 0) return null;
  const link = (number: number, label = t('citation.footnote', { number })) => (
    <a href={`#${noteId(prefix, number)}`} className="footnote-ref" aria-label={label}>
      {number}
    </a>
  );
  return (
    <sup className="footnote-refs">
      {footnoteGroups(numbers).map((group, i) => (
        <span key={group[0]}>
          {i > 0 && <span aria-hidden="true">,</span>}
          {link(group[0]!)}
          {group.length > 1 && (
            <>
              <span aria-hidden="true">–</span>
              {link(
                group.at(-1)!,
                t('citation.footnoteRange', { first: group[0]!, last: group.at(-1)! }),
              )}
            </>
          )}
        </span>
      ))}
    </sup>
  );
}

type Heading = 'h2' | 'h3' | 'h4';

/**
 * The numbered sources of a page or an answer. Each entry links to the source viewer and shows
 * the quoted words of a prose source (unless `hideQuotes` says they are already on screen).
 */
export function SourceList({
  notes,
  prefix,
  heading: HeadingTag = 'h2',
  title,
  hideQuote,
}: {
  notes: readonly Footnote[];
  prefix: string;
  heading?: Heading;
  title?: string;
  hideQuote?: (note: Footnote) => boolean;
}) {
  const t = useT();
  if (notes.length === 0) return null;
  const headingId = `${prefix}-sources`;
  return (
    <section className="source-list" aria-labelledby={headingId}>
      <HeadingTag id={headingId}>{title ?? t('citation.sources')}</HeadingTag>
      <ol>
        {notes.map((note) => (
          <li key={note.number} id={noteId(prefix, note.number)} value={note.number}>
            <Citation citation={note.citation} />
            {note.citation.quote && !hideQuote?.(note) && (
              <q className="citation-quote" dir="auto">
                {note.citation.quote}
              </q>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A cited place as a grouped source list shows it: the server's words for it when present. */
export interface GroupedPlace extends CitationData {
  place?: string;
}

/** One document of a grouped source list, with the places cited in it. */
export interface SourceGroupEntry {
  number: number;
  source: string;
  places: readonly GroupedPlace[];
}

/**
 * The numbered sources of a card, one entry per document: its name, then each row or page
 * cited in it once ("row 9, 18, 22"), each opening the source viewer at that place.
 */
export function GroupedSourceList({
  groups,
  prefix,
  compact,
}: {
  groups: readonly SourceGroupEntry[];
  prefix: string;
  /** Shortens a run of places that differ only by number ("row 9", "row 18" → "row 9, 18"). */
  compact: (places: readonly string[]) => { at: number; text: string }[];
}) {
  const t = useT();
  if (groups.length === 0) return null;
  const headingId = `${prefix}-sources`;
  return (
    <section className="source-list grouped-sources" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('citation.sources')}</h2>
      <ol>
        {groups.map((group) => {
          const placed = group.places
            .map((citation) => ({
              citation,
              words: citation.place ?? formatLocator(citation.locator, t, citation.title),
            }))
            // One link per place: a page cited for several sentences is listed once.
            .filter(
              (p, i, all) => p.words !== '' && all.findIndex((q) => q.words === p.words) === i,
            );
          const shown = compact(placed.map((p) => p.words));
          return (
            <li key={group.number} id={noteId(prefix, group.number)} value={group.number}>
              <Link href={sourceHref(group.places[0]!)} className="citation">
                <cite className="citation-title" dir="auto">
                  {group.source}
                </cite>
              </Link>
              {placed.length > 0 && ': '}
              {shown.map(({ at, text }, i) => (
                <span key={at}>
                  {i > 0 && ', '}
                  <Link
                    href={sourceHref(placed[at]!.citation)}
                    className="citation"
                    aria-label={`${group.source}, ${placed[at]!.words}`}
                  >
                    {text}
                  </Link>
                </span>
              ))}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
