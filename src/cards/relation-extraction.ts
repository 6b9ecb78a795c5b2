import type { RangeExpander } from '../library/code-mentions.ts';
import {
  cleanPhrase,
  codeSpans,
  codesWithin,
  isPronoun,
  objectAt,
  splitPhraseList,
  subjectBefore,
  type CodeSpan,
  type Items,
} from './relation-items.ts';
import type { Relation } from './relation-types.ts';
import { splitSentences } from './sentence-splitter.ts';

export type {
  AddOnRelation,
  AliasRelation,
  FrequencyPeriod,
  FrequencyRelation,
  IncludesRelation,
  MutuallyExclusiveRelation,
  NotWithRelation,
  Relation,
} from './relation-types.ts';

/**
 * Reads code relations from one guidance sentence (English, with common Spanish forms):
 *
 * - not-with: "do not report/bill/code X with Y", "X should not be reported with Y",
 *   "X and Y are not reported together";
 * - includes: "X includes Y", "Y is included in / bundled into / a component of X" (one side
 *   must name a procedure code; the other may be a phrase such as "imaging guidance");
 * - mutually-exclusive: "X and Y are mutually exclusive", "X is mutually exclusive with Y";
 * - frequency: "report X once per day", "only one unit of X per date of service",
 *   "no more than two units of X for a single day";
 * - alias: "X is also known as / also called / often referred to as 'NAME'";
 * - add-on: "report X in addition to Y", "X is an add-on code to Y".
 *
 * It does not overreach: a permission ("X may be reported with Y when ..."), a negated rule
 * ("is not included in", "are not mutually exclusive"), a denied premise ("it is not true
 * that you cannot report ...") and a question yield nothing. Ranges expand with
 * `expandRange` (else their endpoints), lists ("62321, 62323 or 62325") give every code.
 */
export function extractRelations(sentence: string, expandRange?: RangeExpander): Relation[] {
  const spans = codeSpans(sentence, expandRange);
  const relations: Relation[] = [];
  for (const part of splitSentences(sentence)) {
    if (/[?？¿]/.test(part.text)) continue;
    for (const [start, end] of clauses(sentence, part.start, part.end)) {
      // No guidance clause is this long (run-on extracted text is); the bound keeps the work
      // proportional to the text, since the patterns look back and ahead within a clause.
      if (end - start > maxClauseLength) continue;
      const clause: Clause = { sentence, spans, start, end };
      relations.push(
        ...notWith(clause),
        ...includes(clause),
        ...mutuallyExclusive(clause),
        ...frequency(clause),
        ...aliases(clause),
        ...activeAliases(clause),
        ...addOn(clause),
      );
    }
  }
  return dedupe(relations);
}

const maxClauseLength = 1_500;

interface Clause {
  sentence: string;
  spans: readonly CodeSpan[];
  start: number;
  end: number;
}

/** Clauses split at semicolons: "Imaging is included in X; do not report Y with X." */
function clauses(sentence: string, start: number, end: number): [number, number][] {
  const result: [number, number][] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    if (sentence[i] === ';') {
      result.push([from, i]);
      from = i + 1;
    }
  }
  result.push([from, end]);
  return result;
}

/** Matches of `pattern` inside the clause, with offsets into the sentence. */
function* matches(clause: Clause, pattern: RegExp): Generator<{ start: number; end: number }> {
  const text = clause.sentence.slice(clause.start, clause.end);
  for (const match of text.matchAll(pattern)) {
    yield { start: clause.start + match.index, end: clause.start + match.index + match[0].length };
  }
}

const negationBefore =
  /(?:\bnot|\bnever|\bno\s+longer|n['’]t|\bno)\s+(?:(?:be|been|being|a|an|the|always|necessarily|separately|considered|also|really|actually|automatically|usually|typically|generally|se|está|están)\s+){0,3}$/i;

function negatedAt(clause: Clause, index: number): boolean {
  return negationBefore.test(clause.sentence.slice(Math.max(clause.start, index - 60), index));
}

// A rule that the sentence itself denies: "it is not true that you cannot report X with Y".
const deniedPremise =
  /\b(?:not\s+true|untrue|false\s+that|a\s+myth|misconception|incorrect|not\s+correct|wrong\s+to|not\s+the\s+case|no\s+(?:rule|requirement|edit|policy)\s+(?:that|says|states|requires|requiring)|no\s+es\s+cierto)\b|isn['’]t\s+true/i;

function premiseDenied(clause: Clause, index: number): boolean {
  return deniedPremise.test(clause.sentence.slice(clause.start, index));
}

const connector =
  /\s(?:together\s+with|along\s+with|in\s+addition\s+to|in\s+conjunction\s+with|with|junto\s+con|con|además\s+de)\s+/iy;
const sameOccasion =
  /^\s*(?:together|(?:for|on|at|in|during)\s+(?:the\s+same|one|a\s+single)|el\s+mismo|juntos)\b/i;

type Side = Pick<Items, 'values' | 'start' | 'end' | 'codes'>;

/** Resolves "it"/"them" to the codes the sentence named before `before`. */
function resolve(clause: Clause, side: Side | null, before: number): Side | null {
  if (!side || side.codes || !isPronoun(side.values[0] ?? '')) return side;
  // "which"/"that" refer to a phrase, not to a code named earlier.
  if (/^(?:which|that|who|que)$/i.test(side.values[0] ?? '')) return null;
  const earlier = clause.spans.filter((s) => s.end <= before);
  if (earlier.length === 0) return null;
  return { ...side, values: [...new Set(earlier.map((s) => s.code))], codes: true };
}

const aboutModifiers = (side: Side) => !side.codes && side.values.some((v) => /modifi/i.test(v));

function pair(subject: Side | null, objects: Side | null): [Side, Side] | null {
  if (!subject || !objects || subject.values.length === 0 || objects.values.length === 0) {
    return null;
  }
  if (aboutModifiers(subject) || aboutModifiers(objects)) return null;
  const rest = objects.values.filter((v) => !subject.values.includes(v));
  if (rest.length === 0) return null;
  return [subject, { ...objects, values: rest }];
}

/** "X and Y ... together": the first item against the rest. */
function splitList(side: Side | null): [Side, Side] | null {
  if (!side) return null;
  const values = side.codes ? side.values : side.values.flatMap(splitPhraseList);
  const [first, ...rest] = values;
  if (!first || rest.length === 0) return null;
  return [
    { ...side, values: [first] },
    { ...side, values: rest },
  ];
}

const span = (...sides: { start: number; end: number }[]): [number, number] => [
  Math.min(...sides.map((s) => s.start)),
  Math.max(...sides.map((s) => s.end)),
];

const imperativeNot =
  /\b(?:do\s+not|don['’]t|never|(?:should|must|may|can|could|shall)\s+not|cannot|can['’]t|shouldn['’]t|mustn['’]t)\s+(?:(?:separately|also|ever)\s+)?(?:report|bill|code|submit|list|charge|use|claim)\b|\bno\s+(?:se\s+)?(?:debe[n]?\s+)?(?:reporte|reporta|reportan|reportar|facture|factura|facturan|facturar|codifique|codifica|codifican|codificar)\b/giu;
const passiveNot =
  /\b(?:(?:should|must|may|can|could|shall|will|would|is|are|was|were|does|do)\s+not|cannot|can['’]t|isn['’]t|aren['’]t|shouldn['’]t|mustn['’]t|won['’]t|(?:should|must|is|are|may|can)\s+never|never|(?:should|must|is|are)\s+no\s+longer)\s+(?:be\s+)?(?:(?:separately|routinely|also|ever|normally)\s+)?(?:reported|billed|coded|submitted|listed|charged|used|payable|billable|reportable|paid|allowed|reimbursed|combined|paired)(?:\s+separately)?\b/gi;
const whenBilled = /\s+(?:when|if)\s+(?:billed|reported|performed|submitted|provided)/iy;

function notWith(clause: Clause): Relation[] {
  const out: Relation[] = [];
  const taken: number[] = [];
  const emit = (found: [Side, Side] | null, trigger: { start: number; end: number }) => {
    // A code-pair rule needs a code on one side at least; modifier rules are not code pairs.
    if (!found || !found.some((side) => side.codes) || found.some(aboutModifiers)) return;
    const [subject, objects] = found;
    out.push({
      kind: 'not-with',
      subject: subject.values,
      objects: objects.values,
      negated: false,
      span: span(subject, objects, trigger),
    });
  };
  for (const trigger of matches(clause, imperativeNot)) {
    if (premiseDenied(clause, trigger.start)) continue;
    taken.push(trigger.start);
    const link = findConnector(clause, trigger.end);
    if (link) {
      const subject =
        codesWithin(clause.spans, trigger.end, link.start) ??
        phraseSide(clause, trigger.end, link.start);
      const objects = objectAt(clause.sentence, clause.spans, link.end, clause.end);
      emit(pair(subject, resolve(clause, objects, trigger.start)), trigger);
      continue;
    }
    const subject = objectAt(clause.sentence, clause.spans, trigger.end, clause.end);
    if (subject && sameOccasion.test(clause.sentence.slice(subject.end, clause.end))) {
      emit(splitList(subject), trigger);
    }
  }
  for (const trigger of matches(clause, passiveNot)) {
    if (taken.some((t) => t <= trigger.start) || premiseDenied(clause, trigger.start)) continue;
    whenBilled.lastIndex = trigger.end;
    const after = whenBilled.test(clause.sentence) ? whenBilled.lastIndex : trigger.end;
    const subject = resolve(
      clause,
      subjectBefore(clause.sentence, clause.spans, clause.start, trigger.start),
      trigger.start,
    );
    connector.lastIndex = after;
    const link = connector.exec(clause.sentence);
    if (link && link.index + link[0].length <= clause.end) {
      const objects = objectAt(
        clause.sentence,
        clause.spans,
        link.index + link[0].length,
        clause.end,
      );
      if (objects && /^(?:each other|one another)$/i.test(objects.values[0] ?? '')) {
        emit(splitList(subject), trigger);
      } else {
        emit(pair(subject, resolve(clause, objects, trigger.start)), trigger);
      }
    } else if (sameOccasion.test(clause.sentence.slice(after, clause.end))) {
      emit(splitList(listSubject(clause, trigger.start) ?? subject), trigger);
    }
  }
  return out;
}

function findConnector(clause: Clause, from: number): { start: number; end: number } | null {
  for (let i = from; i < clause.end; i++) {
    if (!/\s/.test(clause.sentence[i] ?? '')) continue;
    if (/[,;.]/.test(clause.sentence.slice(from, i))) return null;
    connector.lastIndex = i;
    const link = connector.exec(clause.sentence);
    if (link && link.index + link[0].length <= clause.end) {
      return { start: i, end: link.index + link[0].length };
    }
  }
  return null;
}

function phraseSide(clause: Clause, start: number, end: number): Side | null {
  const phrase = cleanPhrase(clause.sentence.slice(start, end));
  return phrase ? { values: [phrase], start, end, codes: false } : null;
}

/** The items before a verb as a list ("Vertebroplasty and kyphoplasty at one level are"). */
function listSubject(clause: Clause, before: number, minItems = 2): Side | null {
  const codes = subjectBefore(clause.sentence, clause.spans, clause.start, before);
  if (codes?.codes) return codes;
  const text = clause.sentence.slice(clause.start, before);
  const boundaries = text.matchAll(
    /(?:[,:(]|\b(?:that|which|if|when|so|because|while|where|since|then|que|si|cuando)\b)\s*/gi,
  );
  const from = Math.max(0, ...[...boundaries].map((m) => m.index + m[0].length));
  const items = splitPhraseList(text.slice(from).replace(/\s+(?:are|is|were|was|son|es)\s*$/i, ''))
    .map((item) =>
      item.replace(
        /\s+(?:(?:at|on|during)\s|(?:for|in)\s+(?:the\s+same|a\s+single|one|each)\b).*$/i,
        '',
      ),
    )
    .filter(Boolean);
  return items.length >= minItems
    ? { values: items, start: clause.start + from, end: before, codes: false }
    : null;
}

const activeIncludes =
  /\b(?:includes?|bundles?|encompass(?:es)?|incorporates?|comprises?|contains?|(?:is|are)\s+inclusive\s+of|incluyen?)\b/giu;
const passiveIncludes =
  /\b(?:is|are|was|were|be|been|being)\s+(?:(?:already|always|also|considered|generally|typically|fully|normally|usually)\s+)*(?:(?:included|bundled|incorporated|integral|inclusive)\s+(?:in|into|with|to|within|as\s+part\s+of)|(?:(?:an?|the)\s+)?(?:(?:inclusive|integral|included|bundled|intrinsic)\s+)?(?:part|component|components|element|portion)\s+of)\s+|\b(?:está|están|esta|estan)\s+incluid[oa]s?\s+en\s+/giu;

function includes(clause: Clause): Relation[] {
  const out: Relation[] = [];
  const emit = (
    container: Side | null,
    parts: Side | null,
    trigger: { start: number; end: number },
  ) => {
    const partsList =
      parts && !parts.codes ? { ...parts, values: parts.values.flatMap(splitPhraseList) } : parts;
    const found = pair(container, partsList);
    if (!found || !(procedureCodes(clause, found[0]) || procedureCodes(clause, found[1]))) return;
    if (found.some((side) => !side.codes && side.values.some((v) => documentWord.test(v)))) return;
    out.push({
      kind: 'includes',
      subject: found[0].values,
      objects: found[1].values,
      span: span(found[0], found[1], trigger),
    });
  };
  for (const trigger of matches(clause, activeIncludes)) {
    if (negatedAt(clause, trigger.start) || premiseDenied(clause, trigger.start)) continue;
    const before = clause.sentence.slice(clause.start, trigger.start);
    const subject = subjectBefore(clause.sentence, clause.spans, clause.start, trigger.start);
    // "a code that already includes imaging": a relative clause, not the sentence's subject.
    if (!subject?.codes && /\b(?:that|which|who|que)\s+(?:\w+\s+)?$/i.test(before)) continue;
    const objects = objectAt(clause.sentence, clause.spans, trigger.end, clause.end);
    const verb = clause.sentence.slice(trigger.start, trigger.end).toLowerCase();
    if (verb.startsWith('bundle') && objects) {
      // "NCCI bundles 64483 into 62323": the object goes into the code after "into/with".
      const into = /\s(?:into|with|in)\s+/iy;
      into.lastIndex = objects.end;
      if (into.test(clause.sentence)) {
        emit(objectAt(clause.sentence, clause.spans, into.lastIndex, clause.end), objects, trigger);
        continue;
      }
    }
    emit(subject, objects, trigger);
  }
  for (const trigger of matches(clause, passiveIncludes)) {
    if (negatedAt(clause, trigger.start) || premiseDenied(clause, trigger.start)) continue;
    const codes = subjectBefore(clause.sentence, clause.spans, clause.start, trigger.start);
    const parts = resolve(
      clause,
      codes?.codes ? codes : (listSubject(clause, trigger.start, 1) ?? codes),
      trigger.start,
    );
    const container = objectAt(clause.sentence, clause.spans, trigger.end, clause.end);
    emit(resolve(clause, container, trigger.start), parts, trigger);
  }
  return out;
}

// "The billing article includes 62321": a document listing codes, not a service including them.
const documentWord =
  /\b(?:article|lcd|ncd|polic(?:y|ies)|list|table|file|guide|manual|document|section|chapter|appendix|edits?|update|release|version|diagnos[ie]s|criteria)\b/i;

function procedureCodes(clause: Clause, side: Side): boolean {
  return (
    side.codes && clause.spans.some((s) => s.system !== 'icd10cm' && side.values.includes(s.code))
  );
}

const exclusive = /\b(?:mutually\s+exclusive|mutuamente\s+excluyentes?)\b/giu;

function mutuallyExclusive(clause: Clause): Relation[] {
  const out: Relation[] = [];
  for (const trigger of matches(clause, exclusive)) {
    if (negatedAt(clause, trigger.start) || premiseDenied(clause, trigger.start)) continue;
    const tail = /\s+(?:with|of|to|from|con|de)\s+/iy;
    tail.lastIndex = trigger.end;
    let found: [Side, Side] | null = null;
    if (tail.test(clause.sentence)) {
      found = pair(
        subjectBefore(clause.sentence, clause.spans, clause.start, trigger.start),
        objectAt(clause.sentence, clause.spans, tail.lastIndex, clause.end),
      );
    } else {
      found = splitList(listSubject(clause, trigger.start));
    }
    if (!found) continue;
    out.push({
      kind: 'mutually-exclusive',
      subject: found[0].values,
      objects: found[1].values,
      span: span(found[0], found[1], trigger),
    });
  }
  return out;
}

const numberWords: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  una: 1,
  uno: 1,
  un: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
};
const countPattern =
  /\b(?:((?:no|not)\s+more\s+than|more\s+than|up\s+to|a\s+maximum\s+of|maximum\s+of|at\s+most|only|limited\s+to|just|más\s+de|hasta)\s+)?(?:(once|one\s+time|una\s+vez|one\s+unit)|(twice)|(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|dos|tres|cuatro)\s+(?:times?|units?|sessions?|injections?|veces|unidad(?:es)?|sesi[oó]n(?:es)?))\b/giu;
const periodLead =
  /\s+(?:per|each|every|a|an|for\s+(?:a|an|each|the(?:\s+entire)?|one)|in\s+(?:a|an|one|the\s+same)|within\s+(?:a|an|one)|on\s+(?:a|the\s+same|one)|por|al|cada)\s+/iuy;
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

function frequency(clause: Clause): Relation[] {
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

const reportingWords =
  /\b(?:report|reported|bill|billed|code|coded|units?|cover|covered|allowed|limit|limited|payable|paid|reporte|reportar|MUE)\b/i;

function countOf(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (numberWords[word.toLowerCase()] ?? 0);
}

/** The period of a count: "once per day", "one unit of 62264 may be reported per date of service". */
function periodAfter(clause: Clause, from: number): { period: string; end: number } | null {
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

const aliasCue =
  /\b(?:(?:is|are|was|were|be|been|being|se)\s+)?(?:(?:also|often|commonly|sometimes|frequently|widely|informally|colloquially|generally|usually|better|more\s+commonly|popularly|locally|también)\s+)*(?:called|known\s+as|referred\s+to\s+as|abbreviated(?:\s+as)?|shortened\s+to|nicknamed|dubbed|llamad[oa]s?|conocid[oa]s?\s+como|conoce\s+como|denominad[oa]s?|(?<=(?:also|often|commonly|sometimes|frequently|widely|informally|colloquially|usually)\s+)(?:termed|named|described\s+as|written\s+as))\b|\ba\.?k\.?a\.?(?=[\s:])|\bother\s+names?\s*(?:include|are|:)|\balso\s+referred\s+to\s+as\b/giu;

function aliases(clause: Clause): Relation[] {
  const out: Relation[] = [];
  for (const trigger of matches(clause, aliasCue)) {
    if (negatedAt(clause, trigger.start) || premiseDenied(clause, trigger.start)) continue;
    const cue = clause.sentence.slice(trigger.start, trigger.end).toLowerCase();
    // Spanish cues need "también" ("also"): "llamado" alone is just "called".
    if (
      /llamad|conoc|denomin/.test(cue) &&
      !/también/i.test(
        clause.sentence.slice(Math.max(clause.start, trigger.start - 20), trigger.end),
      )
    ) {
      continue;
    }
    // A bare "called" needs "is", an adverb or an appositive comma: "growths called polyps"
    // names a thing in passing, it does not give a procedure another name.
    const bare = /^(?:called|known\s+as|referred\s+to\s+as)$/.test(cue.trim());
    if (bare && !/,\s*$/.test(clause.sentence.slice(clause.start, trigger.start))) continue;
    const names = aliasNames(clause, trigger.end);
    if (!names) continue;
    const subject = aliasSubject(clause, trigger.start);
    out.push({
      kind: 'alias',
      subject: subject?.values ?? [],
      names: names.values,
      span: span(names, trigger, ...(subject ? [subject] : [])),
    });
  }
  return out;
}

// "Clinicians often call 62323 a lumbar ESI", "patients call it 'the back shot'".
const activeCall = /\bcall(?:s|ed)?\s+/giu;
const anotherName = /\b(?:is|are)\s+(?:an)?other\s+names?\s+for\s+/giu;

function activeAliases(clause: Clause): Relation[] {
  const out: Relation[] = [];
  for (const trigger of matches(clause, activeCall)) {
    if (negatedAt(clause, trigger.start) || trigger.start === clause.start) continue;
    const codes = codeListAtStart(clause, trigger.end);
    const rest = clause.sentence.slice(codes?.end ?? trigger.end, clause.end);
    const named = codes
      ? null
      : /^(it|them|this\s+(?:procedure|service|injection|code))\s+/i.exec(rest);
    if (!codes && !named) continue;
    const from = (codes?.end ?? trigger.end) + (named?.[0].length ?? 0);
    if (!/^\s*(?:a|an|the|["“'])/i.test(clause.sentence.slice(from, clause.end))) continue;
    const names = aliasNames(clause, from);
    if (!names) continue;
    out.push({
      kind: 'alias',
      subject: codes?.values ?? [],
      names: names.values,
      span: span(trigger, names),
    });
  }
  for (const trigger of matches(clause, anotherName)) {
    if (negatedAt(clause, trigger.start)) continue;
    const name = subjectBefore(clause.sentence, clause.spans, clause.start, trigger.start);
    const subject = objectAt(clause.sentence, clause.spans, trigger.end, clause.end);
    if (!name || name.codes || !subject) continue;
    out.push({
      kind: 'alias',
      subject: subject.values,
      names: name.values,
      span: span(name, subject),
    });
  }
  return out;
}

function codeListAtStart(clause: Clause, from: number): Side | null {
  const list = objectAt(clause.sentence, clause.spans, from, clause.end);
  return list?.codes && /^\s*$/.test(clause.sentence.slice(from, list.start)) ? list : null;
}

function aliasNames(clause: Clause, from: number): Side | null {
  const text = clause.sentence.slice(from, clause.end);
  if (/^\s*(?:after|for|to|upon|on|by)\b/i.test(text)) return null;
  const quoted = [...text.matchAll(/["“']([^"”']{2,60})["”']/g)].map((m) => m[1] ?? '');
  const tail = /\s+(?:in|by|after|when|among|within|from|on|at|en|por)\s+(?!adhesions?\b).*$/is;
  const names = (
    quoted.length > 0
      ? quoted
      : text
          .replace(/^\s*:?\s*/, '')
          .replace(/[.;]\s*$/, '')
          .split(/\s*,\s*(?:(?:or|and|o|y)\s+)?|\s+or\s+|\s+o\s+/i)
          .map((name) => name.replace(tail, ''))
  )
    .map(cleanPhrase)
    .filter(
      (name) =>
        name &&
        name.split(' ').length <= 8 &&
        !/^(?:after|for|in|by|on|when|to|from|at|with|among|within|which|that)\b/i.test(name),
    );
  return names.length > 0
    ? { values: [...new Set(names)], start: from, end: clause.end, codes: false }
    : null;
}

function aliasSubject(clause: Clause, before: number): Side | null {
  const codes = codesWithin(clause.spans, clause.start, before);
  if (codes) return codes;
  const text = clause.sentence.slice(clause.start, before);
  const boundaries = text.matchAll(
    /(?:[,:;(]|\b(?:that|which|if|when|so|because|while|where|since|then|que|si|cuando)\b)\s*/gi,
  );
  const cuts = [0, ...[...boundaries].map((m) => m.index + m[0].length)];
  // "Sacroiliac joint injection, also known as ...": an appositive names what precedes it.
  const appositive = /,\s*$/.test(text) && cuts.length > 1;
  const from = (appositive ? cuts.at(-2) : cuts.at(-1)) ?? 0;
  const phrase = cleanPhrase(
    text
      .slice(from, appositive ? text.lastIndexOf(',') : text.length)
      // "In some notes the C-arm is called ...": the setting is not the subject.
      .replace(/^(?:in|on|at|for|among|within)\s+[^,]*?\s+(?=(?:the|a|an)\s)/i, ''),
  ).replace(
    /(?:\s+(?:también|se|le|also|often|commonly|sometimes|frequently|usually|may|can|might|is|are|be))+$/i,
    '',
  );
  if (
    !phrase ||
    isPronoun(phrase) ||
    /\s(?:it|they|this)$/i.test(phrase) ||
    phrase.split(' ').length > 8 ||
    /^(?:patients?|clinicians?|physicians?|coders?|referring|some|many|most|people)\b/i.test(phrase)
  ) {
    return null;
  }
  return { values: [phrase], start: clause.start + from, end: before, codes: false };
}

const addOnLink = /\b(?:in\s+addition\s+to|in\s+conjunction\s+with|además\s+de)\s+/giu;
const reportVerb =
  /\b(?:report|bill|code|list|use|reported|billed|listed|coded|used|reporte|facture)\b(?=[^.;]*$)/iu;
const addOnOf = /\badd-?on\s+(?:code\s+)?(?:to|for|of)\s+/giu;
const addOnCodes = /\badd-?on\s+codes?\s+/giu;
const primaryCodes = /\bprimary\s+(?:procedure\s+)?codes?\s+/iy;

function addOn(clause: Clause): Relation[] {
  const out: Relation[] = [];
  const emit = (found: [Side, Side] | null, trigger: { start: number; end: number }) => {
    if (!found) return;
    out.push({
      kind: 'add-on',
      subject: found[0].values,
      objects: found[1].values,
      span: span(found[0], found[1], trigger),
    });
  };
  for (const trigger of matches(clause, addOnLink)) {
    const before = clause.sentence.slice(clause.start, trigger.start);
    const verb = reportVerb.exec(before);
    if (!verb) continue;
    const verbAt = clause.start + verb.index;
    if (negatedAt(clause, verbAt) || premiseDenied(clause, verbAt)) continue;
    if (/\b(?:not|never|no)\b/i.test(before.slice(verb.index))) continue;
    const subject =
      codesWithin(clause.spans, verbAt, trigger.start) ??
      subjectBefore(clause.sentence, clause.spans, clause.start, verbAt);
    const objects = objectAt(clause.sentence, clause.spans, trigger.end, clause.end);
    if (subject?.codes) emit(pair(subject, objects), trigger);
  }
  for (const trigger of matches(clause, addOnOf)) {
    if (negatedAt(clause, trigger.start)) continue;
    const subject = subjectBefore(clause.sentence, clause.spans, clause.start, trigger.start);
    const objects = objectAt(clause.sentence, clause.spans, trigger.end, clause.end);
    if (subject?.codes) emit(pair(subject, objects), trigger);
  }
  for (const trigger of matches(clause, addOnCodes)) {
    const subject = objectAt(clause.sentence, clause.spans, trigger.end, clause.end);
    if (!subject?.codes) continue;
    const rest = clause.sentence.slice(subject.end, clause.end);
    const primary = /\bprimary\s+/i.exec(rest);
    if (!primary || /\b(?:not|never)\b/i.test(rest.slice(0, primary.index))) continue;
    primaryCodes.lastIndex = subject.end + primary.index;
    const at = primaryCodes.test(clause.sentence)
      ? primaryCodes.lastIndex
      : subject.end + primary.index + primary[0].length;
    const objects = objectAt(clause.sentence, clause.spans, at, clause.end);
    if (objects?.codes) emit(pair(subject, objects), trigger);
  }
  return out;
}

function dedupe(relations: Relation[]): Relation[] {
  const seen = new Set<string>();
  return relations
    .filter((relation) => {
      const key = JSON.stringify({ ...relation, span: null });
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.span[0] - b.span[0] || a.kind.localeCompare(b.kind));
}
