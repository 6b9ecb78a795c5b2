import type { Clause } from './clause.ts';
import { countOf, numberWords } from './count-words.ts';

// What introduces the period after a count: "per", "each", "for a", "on the same", "por".
const periodLead =
  /\s+(?:per|each|every|a|an|for\s+(?:a|an|each|the(?:\s+entire)?|one)|in\s+(?:a|an|one|the\s+same)|within\s+(?:a|an|one)|on\s+(?:a|the\s+same|one)|por|al|cada)\s+/iuy;
/** Period words, in English and Spanish, and the period each names. */
const knownPeriods: Record<string, string> = {
  day: 'day',
  date: 'day',
  día: 'day',
  dia: 'day',
  fecha: 'day',
  session: 'session',
  sesión: 'session',
  sesion: 'session',
  encounter: 'encounter',
  visit: 'encounter',
  visita: 'encounter',
  encuentro: 'encounter',
  level: 'level',
  interspace: 'level',
  nivel: 'level',
  side: 'side',
  lado: 'side',
  joint: 'joint',
  series: 'series',
  year: 'year',
  month: 'month',
  week: 'week',
  patient: 'patient',
  beneficiary: 'beneficiary',
  claim: 'claim',
  region: 'region',
  period: 'period',
  lifetime: 'lifetime',
};

/** The period of a count: "once per day", "one unit of 62264 may be reported per date of service". */
export function periodAfter(clause: Clause, from: number): { period: string; end: number } | null {
  const words = /\s*([\p{L}\d-]+)/uy;
  let at = from;
  for (let skipped = 0; skipped <= 8; skipped++) {
    periodLead.lastIndex = at;
    if (periodLead.test(clause.sentence) && periodLead.lastIndex <= clause.end) {
      const found = periodWord(clause, periodLead.lastIndex);
      if (found) return found;
    }
    words.lastIndex = at;
    const word = words.exec(clause.sentence);
    if (!word || words.lastIndex > clause.end) return null;
    at = words.lastIndex;
  }
  return null;
}

/**
 * The period word(s) at `from`, skipping a count in between ("per 2 days" -> "2-day") and taking
 * "of service" after "date".
 */
function periodWord(clause: Clause, from: number): { period: string; end: number } | null {
  const words = /\s*([\p{L}\d-]+)/uy;
  let at = from;
  let count = '';
  let found: { period: string; end: number } | null = null;
  for (let i = 0; i < 5; i++) {
    words.lastIndex = at;
    const word = words.exec(clause.sentence);
    if (!word?.[1] || words.lastIndex > clause.end) break;
    const lower = word[1].toLowerCase();
    const numbered = /^(\d+)-(day|month|week|year)s?$/.exec(lower);
    if (numbered) return { period: `${numbered[1]}-${numbered[2]}`, end: words.lastIndex };
    const period = knownPeriods[lower] ?? knownPeriods[lower.replace(/s$/, '')];
    // "per joint level": the last of adjacent period words; stop at the first other word after.
    if (!period) {
      if (found) break;
      if (/^(?:for|on|in|at|with|of|to|by|per|when|if|from|during|after|before)$/.test(lower))
        break;
      if (/^\d+$/.test(lower) || numberWords[lower]) count = String(countOf(lower));
      at = words.lastIndex;
      continue;
    }
    at = words.lastIndex;
    const ofService = /\s+of\s+service/iy;
    ofService.lastIndex = at;
    const end = ofService.test(clause.sentence) ? ofService.lastIndex : at;
    found = { period: count && count !== '1' ? `${count}-${period}` : period, end };
    if (end !== at) break;
  }
  return found;
}
