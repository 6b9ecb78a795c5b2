import type { Card } from '../../../../src/contracts/cards.ts';
import { ReleaseChanges } from '../../components/ReleaseChanges.tsx';

/**
 * "Changed in <release>": for each dataset whose release in force on the date changed something
 * for the code, the server's headings and statements (in the card's language), each with the
 * rows it reads in the older and newer release.
 */
export function CardChanges({ card }: { card: Card }) {
  const changes = card.changes ?? [];
  if (changes.length === 0) return null;
  return <ReleaseChanges changes={changes} idPrefix="changes" Heading="h2" />;
}
