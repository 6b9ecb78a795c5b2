import type { AnswerKind } from '../domain/answer-kind.ts';
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
  /** The one code the thread last asked about (a diagnosis or modifier too), if any. */
  subject?: string | null;
}

// "Is M54.5 billable on 2026-03-15?", "is JG still valid?", "what should I use instead?"
const validityCue = wordPattern(
  [
    'billable|valid|invalid|active|inactive|terminated|deleted|discontinued|expired|header|can I (?:still )?use|still|instead|replacement|in effect',
    'facturable|v[aá]lid[oa]|vigente|activ[oa]|terminad[oa]|eliminad[oa]|encabezado|puedo usar|todav[ií]a|sigue|en su lugar|en lugar',
    'valide|actif|active|supprim[ée]e?|r[ée]sili[ée]|en-t[êe]te|puis-je utiliser|encore|toujours|[àa] la place',
    'abrechenbar|abrechnungsf[äa]hig|g[üu]ltig|aktiv|beendet|gel[öo]scht|gestrichen|[ÜU]berschrift|stattdessen|noch g[üu]ltig',
    'hợp lệ|còn hiệu lực|hiệu lực|được thanh toán|đã xóa|chấm dứt|tiêu đề|thay thế|vẫn|thay vào đó',
    'balido|aktibo|tinanggal|winakasan|magagamit|pa rin|sa halip|kapalit',
    'действ\\p{L}*|валидн\\p{L}*|активн\\p{L}*|удал[её]н\\p{L}*|прекращ\\p{L}*|заголов\\p{L}*|можно ли использовать|ещё|еще|вместо|оплачиваем\\p{L}*',
  ].join('|'),
  '有效|可计费|计费|已删除|终止|停用|标题|还能用|仍然|代替|替代|유효|청구 가능|청구가능|삭제|종료|헤더|아직|대신|صالح|ساري|قابل للفوترة|محذوف|منتهي|بدلا|بدلاً|لا يزال',
);

/**
 * A validity question names at most one code (or none, following up on the thread's one code)
 * and a validity cue; a second code makes it a pair, coverage or modifier question instead.
 */
function asksValidity(q: ParsedQuestion, context?: IntentContext): boolean {
  const named = new Set([...q.procedures, ...q.diagnoses, ...q.modifiers]).size;
  if (named > 1 || !validityCue.test(q.text)) return false;
  return named === 1 || Boolean(context?.subject);
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
  if (asksValidity(q, context)) return 'validity';
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

// "bundled", "billed with", "add-on", "mutually exclusive", "NCCI": a question about how codes
// go together, in the ten languages.
const bundlingCue = wordPattern(
  [
    'bundl\\p{L}*|unbundl\\p{L}*|(?:bill|billed|report|reported|code|coded)\\s+(?:\\p{L}+\\s+)?with|together|same (?:day|date|session)|mutually exclusive|NCCI|PTP|separately|add-?on|primary code|in addition to',
    'agrupad\\p{L}*|facturar?\\s+(?:\\p{L}+\\s+)?con|juntos|código (?:adicional|complementario|principal)|por separado',
    'regroup\\p{L}*|factur\\p{L}*\\s+(?:\\p{L}+\\s+)?avec|ensemble|code (?:complémentaire|principal)|séparément',
    'zusammen|abrechnen\\s+mit|mit\\s+\\p{L}*\\s*abrechnen|Zusatzcode|Hauptcode|separat|gebündelt',
    'вместе|дополнительн\\p{L}* код\\p{L}*|основн\\p{L}* код\\p{L}*|отдельно',
    'cùng|mã bổ sung|mã chính|riêng',
    'kasama|magkasama|add-on code|pangunahing code',
  ].join('|'),
  '一起|同时|附加代码|主代码|捆绑|함께|추가 코드|주 코드|مع|معا|رمز إضافي|الرمز الأساسي',
);

/**
 * Whether a question asks for facts the deterministic engine owns — a pair or bundling, units
 * of a code, coverage or diagnoses, an add-on — which are never left to a language model:
 * a model only phrases prose answers over passages. `codes` are the procedures the question is
 * about (named, an alias's, or the thread's).
 */
export function asksCodeFacts(q: ParsedQuestion, codes: readonly string[]): boolean {
  if (q.procedures.length >= 2 || q.diagnoses.length > 0) return true;
  if (cues.coverage.test(q.text) || bundlingCue.test(q.text)) return true;
  return codes.length > 0 && cues.units.test(q.text);
}
