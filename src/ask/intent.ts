import type { AnswerKind } from './ask-types.ts';
import type { ParsedQuestion } from './question.ts';
import { wordPattern } from './word-pattern.ts';

export type Intent = Exclude<AnswerKind, 'not-found'>;

// Cue words per intent in the ten languages (CJK, Korean and Arabic alternatives stand alone).
const cues: Record<'units' | 'documentation' | 'coverage' | 'modifier' | 'pair', RegExp> = {
  units: wordPattern(
    'units?|how many|how often|MUE|max(?:imum)?|per day|unidad(?:es)?|cu[aá]nt[oa]s|unit[ée]s?|combien|Einheit(?:en)?|wie viele|wie oft|đơn vị|bao nhiêu|yunit|ilan|единиц\\p{L}*|сколько',
    '单位|多少|几次|단위|몇|وحدات|وحدة|كم',
  ),
  documentation: wordPattern(
    'document(?:ation|ed|s)?|note|record|chart|documentar|documentaci[oó]n|nota|historia cl[ií]nica|documenter|dossier|compte rendu|Dokumentation|dokumentier\\p{L}*|Akte|tài liệu|hồ sơ|ghi chép|dokumentasyon|tala|документ\\p{L}*|записи|медицинск\\p{L}* карт\\p{L}*',
    '记录|病历|文档|기록|문서|توثيق|السجل',
  ),
  coverage: wordPattern(
    'cover(?:ed|age|s)?|medical(?:ly)? necess\\p{L}*|payable|pay for|diagnos[ie]s|LCD|NCD|cubiert[oa]|cobertura|necesidad m[ée]dica|couvert|couverture|prise en charge|rembours\\p{L}*|gedeckt|abgedeckt|Kosten\\p{L}*|erstattet|bảo hiểm|chi trả|sakop|saklaw|покрыва\\p{L}*|покрыт\\p{L}*|оплач\\p{L}*',
    '覆盖|报销|承保|医保|보장|급여|تغطية|مغطى|يغطي',
  ),
  modifier: wordPattern(
    'modifiers?|mod|modificador(?:es)?|modificateurs?|Modifikator(?:en)?|модификатор\\p{L}*',
    '修饰符|修正符|수정자|المعدل|مُعدِّل|معدل',
  ),
  pair: wordPattern(
    'with|together|same (?:day|date|session)|and|along|con|junto[s]?|avec|ensemble|mit|zusammen|và|cùng|kasama|at|с|вместе',
    '和|与|同时|一起|함께|같이|및|مع',
  ),
};

/** What a thread carries into a follow-up: the codes of the last answer and what it was. */
export interface IntentContext {
  procedures: readonly string[];
  lastIntent: Intent | null;
}

/**
 * What a question asks, from its codes and cue words: two procedures → a pair (even written
 * "62264 and 77003?"); a diagnosis with a procedure, or coverage words → coverage; unit words →
 * units; documentation words → documentation; a modifier (named or by the word) with a
 * procedure → modifier; one code alone → its card; no code → passages. A follow-up without
 * codes ("and modifiers?") works on the thread's codes; without any cue it repeats the last
 * intent (so "what about in hospital?" re-asks the same thing for another setting).
 */
export function classifyIntent(q: ParsedQuestion, context?: IntentContext): Intent {
  const text = q.text;
  const named = q.procedures.length > 0 || q.diagnoses.length > 0;
  const procedures = q.procedures.length > 0 ? q.procedures : (context?.procedures ?? []);
  const cue = cueIn(q);
  if (q.procedures.length >= 2 && cue !== 'units' && cue !== 'documentation') return 'pair';
  if (procedures.length === 0) return q.diagnoses.length > 0 ? 'card' : 'passages';
  // "and with XS?" after a pair: the same pair again, with the modifier.
  if (!named && context?.lastIntent === 'pair' && q.modifiers.length > 0) return 'pair';
  if (cue) return cue;
  // "and for 62321?", "what about in hospital?": the thread's question again, for the new part.
  if ((!named || followUpStart.test(text)) && context?.lastIntent) return context.lastIntent;
  if (!named && procedures.length >= 2 && cues.pair.test(text)) return 'pair';
  return 'card';
}

/**
 * What the question itself asks for, from its own codes and cue words only (no thread, no
 * fallback): a pair when it names two procedures, else its cue; null for an open question or a
 * bare code. Performance counts an answer as answered only when it is of this kind.
 */
export function askedIntent(q: ParsedQuestion): Intent | null {
  const cue = cueIn(q);
  if (q.procedures.length >= 2 && cue !== 'units' && cue !== 'documentation') return 'pair';
  if (q.procedures.length === 0 && q.diagnoses.length === 0 && cue !== 'coverage') return null;
  return cue;
}

/** The intent a question's cue words (or its diagnosis or modifier) name, strongest first. */
function cueIn(q: ParsedQuestion): Intent | null {
  if (q.diagnoses.length > 0 || cues.coverage.test(q.text)) return 'coverage';
  if (cues.units.test(q.text)) return 'units';
  if (cues.documentation.test(q.text)) return 'documentation';
  if (q.modifiers.length > 0 || cues.modifier.test(q.text)) return 'modifier';
  return null;
}

const followUpStart = new RegExp(
  `^\\s*(?:${wordPattern('and|what about|how about|also|y|et|und|và|at|и|а|e').source}|还有|那|그리고|و)`,
  'iu',
);
