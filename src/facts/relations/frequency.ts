import { negatedAt } from './clause-cues.ts';
import { span, type Clause } from './clause.ts';
import { codesWithin } from './code-lists.ts';
import { countOf } from './count-words.ts';
import { periodAfter } from './frequency-period.ts';
import type { Side } from './sides.ts';
import type { Relation } from './relation-types.ts';

// A count, with what bounds it: "once", "no more than two units", "only one session", "una vez".
const countPattern =
  /\b(?:((?:no|not)\s+more\s+than|more\s+than|up\s+to|a\s+maximum\s+of|maximum\s+of|at\s+most|only|limited\s+to|just|más\s+de|hasta)\s+)?(?:(once|one\s+time|una\s+vez|one\s+unit)|(twice)|(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|dos|tres|cuatro)\s+(?:times?|units?|sessions?|injections?|veces|unidad(?:es)?|sesi[oó]n(?:es)?))\b/giu;

/**
 * "Report X once per day", "only one unit of X per date of service", "no more than two units
 * of X for a single day": at most `max` per period.
 */
export function readFrequency(clause: Clause): Relation[] {
  const out: Relation[] = [];
  const text = clause.sentence.slice(clause.start, clause.end);
  for (const match of text.matchAll(countPattern)) {
    const start = clause.start + match.index;
    const countEnd = start + match[0].length;
    const qualifier = (match[1] ?? '').toLowerCase();
    if (/^(?:more\s+than|más\s+de)$/.test(qualifier)) {
      const before = clause.sentence.slice(Math.max(clause.start, start - 40), start);
      if (!/\b(?:not|never|no|nunca)\b[^.;]*$/i.test(before)) continue;
    } else if (
      negatedAt(clause, start) ||
      /\bnot\s+(?:be\s+)?limited\s+to\s*$/i.test(
        text.slice(0, match.index + (match[1]?.length ?? 0)),
      )
    ) {
      continue;
    }
    const max = match[2] ? 1 : match[3] ? 2 : countOf(match[4] ?? '');
    if (!max) continue;
    const period = periodAfter(clause, countEnd);
    if (!period) continue;
    const subject = frequencySubject(clause, period.end);
    // Without a code, only a reporting or coverage rule counts ("Report once per session").
    if (!subject && !reportingWords.test(text) && text.split(/\s+/).length > 4) continue;
    out.push({
      kind: 'frequency',
      subject: subject?.values ?? [],
      period: period.period,
      max,
      span: span({ start, end: period.end }, ...(subject ? [subject] : [])),
    });
  }
  return out;
}

// Words that make a sentence without a code a reporting or coverage limit.
const reportingWords =
  /\b(?:report|reported|bill|billed|code|coded|units?|cover|covered|allowed|limit|limited|payable|paid|reporte|reportar|MUE)\b/i;

/** Codes of the clause up to the period, except the objects of "with"/"in addition to". */
function frequencySubject(clause: Clause, before: number): Side | null {
  // "Checks before a claim with 62264, 62263 or 64479-64484 is sent: 62264: one unit per day":
  // a colon introduces the item the limit is about, so the subject is sought in the last
  // colon-separated part that names codes, not among every code of the clause.
  let from = clause.start;
  let to = before;
  const text = clause.sentence.slice(clause.start, before);
  for (let colon = text.lastIndexOf(':'); colon >= 0; colon = text.lastIndexOf(':', colon - 1)) {
    if (codesWithin(clause.spans, clause.start + colon + 1, to)) {
      from = clause.start + colon + 1;
      break;
    }
    to = clause.start + colon;
    if (colon === 0) break;
  }
  if (from === clause.start) to = before;
  const part = clause.sentence.slice(from, to);
  const link = /\s(?:with|in\s+addition\s+to|in\s+conjunction\s+with|además\s+de)\s/i.exec(part);
  return codesWithin(clause.spans, from, link ? from + link.index : to);
}
