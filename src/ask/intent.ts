import type { AnswerKind } from './ask-types.ts';
import type { ParsedQuestion } from './question.ts';

export type Intent = Exclude<AnswerKind, 'not-found'>;

// Cue words per intent in the ten languages (lower-case matching; CJK, Korean and Arabic have
// no word boundaries, so those alternatives stand alone).
const cues: Record<'units' | 'documentation' | 'coverage' | 'modifier' | 'pair', RegExp> = {
  units:
    /\b(?:units?|how many|how often|MUE|max(?:imum)?|per day|unidad(?:es)?|cu[aá]nt[oa]s|unit[ée]s?|combien|Einheit(?:en)?|wie viele|wie oft|đơn vị|bao nhiêu|yunit|ilan|единиц\p{L}*|сколько)\b|单位|多少|几次|단위|몇|وحدات|وحدة|كم/iu,
  documentation:
    /\b(?:document(?:ation|ed|s)?|note|record|chart|must (?:the )?(?:note|record) show|documentar|documentaci[oó]n|nota|historia cl[ií]nica|documenter|dossier|compte rendu|Dokumentation|dokumentier\p{L}*|Akte|tài liệu|hồ sơ|ghi chép|dokumentasyon|tala|документ\p{L}*|записи|медицинск\p{L}* карт\p{L}*)\b|记录|病历|文档|기록|문서|توثيق|السجل/iu,
  coverage:
    /\b(?:cover(?:ed|age|s)?|medical(?:ly)? necess\p{L}*|payable|pay for|diagnos[ie]s|LCD|NCD|cubiert[oa]|cobertura|necesidad m[ée]dica|couvert|couverture|prise en charge|rembours\p{L}*|gedeckt|abgedeckt|Kosten\p{L}*|erstattet|bảo hiểm|chi trả|sakop|saklaw|покрыва\p{L}*|покрыт\p{L}*|оплач\p{L}*)\b|覆盖|报销|承保|医保|보장|급여|تغطية|مغطى|يغطي/iu,
  modifier:
    /\b(?:modifiers?|mod|modificador(?:es)?|modificateurs?|Modifikator(?:en)?|modifier|mga modifier|модификатор\p{L}*)\b|修饰符|修正符|수정자|المعدل|مُعدِّل|معدل/iu,
  pair: /\b(?:with|together|same (?:day|date|session)|and|along|con|junto[s]?|avec|ensemble|mit|zusammen|và|cùng|kasama|at|с|вместе)\b|和|与|同时|一起|함께|같이|및|مع/iu,
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
  const followUp = q.procedures.length === 0 && q.diagnoses.length === 0;
  const procedures = q.procedures.length > 0 ? q.procedures : (context?.procedures ?? []);
  const units = cues.units.test(text);
  const documentation = cues.documentation.test(text);
  if (procedures.length >= 2 && !units && !documentation && (!followUp || cues.pair.test(text)))
    return 'pair';
  if (procedures.length === 0) return q.diagnoses.length > 0 ? 'card' : 'passages';
  if (q.diagnoses.length > 0 || cues.coverage.test(text)) return 'coverage';
  if (units) return 'units';
  if (documentation) return 'documentation';
  if (q.modifiers.length > 0 || cues.modifier.test(text)) return 'modifier';
  if (followUp && context?.lastIntent) return context.lastIntent;
  if (followUp && context?.procedures.length) return 'card';
  return q.procedures.length > 0 ? 'card' : 'passages';
}
