import type { FactTableName } from './table-facts.repository.ts';
import { wordPattern } from './word-pattern.ts';
import type { CodeSystem } from '../domain/code-system.ts';

/**
 * Cue words for questions answered from table rows or by code search, in the ten languages
 * (CJK, Korean and Arabic alternatives stand alone). Kept apart from intent.ts's cues so the
 * routing there stays one line.
 */
export const gpciCue = wordPattern(
  'GPCIs?|geographic (?:practice )?cost ind(?:ex|ices)|(?:Medicare )?localit(?:y|ies)|localidad(?:es)?|[ií]ndices? geogr[aá]fic\\p{L}*|localit[ée]s?|indices? g[ée]ographiques?|Lokalit[äa]t(?:en)?|Gebietsindex|Praxiskostenindex|địa phương|chỉ số chi phí địa lý|lokalidad|географическ\\p{L}* индекс\\p{L}*|местност\\p{L}*',
  '地区系数|地理成本指数|지역 지수|지리적 진료비 지수|المؤشر الجغرافي|مؤشر التكلفة الجغرافي',
);

export const mcdCue = wordPattern(
  'LCDs?|local coverage determinations?|(?:billing and coding )?articles?|MCD|coverage database|determinaci[oó]n(?:es)? local(?:es)? de cobertura|art[ií]culos?|d[ée]terminations? locales? de couverture|Artikel|lokale Deckungsentscheidung(?:en)?|bài viết|quyết định bảo hiểm địa phương|artikulo|стать[яиюей]|местн\\p{L}* решени\\p{L}* о покрытии',
  '地方覆盖决定|文章|지역 보장 결정|기사|قرار التغطية المحلي|مقالات?',
);

export const rvuCue = wordPattern(
  'RVUs?|relative value(?: units?)?|conversion factor|valor(?:es)? relativ\\p{L}*|unidad(?:es)? de valor relativo|valeurs? relatives?|Relativwert\\p{L}*|giá trị tương đối|relatibong halaga|относительн\\p{L}* стоимост\\p{L}*|относительн\\p{L}* единиц\\p{L}*',
  '相对价值|상대가치|القيمة النسبية',
);

/** "Fee for 64483 in Manhattan", "Medicare allowed amount 99213 Alabama", in the ten languages. */
export const feeCue = wordPattern(
  [
    'fees?|allowed amounts?|allowable|Medicare (?:allowed|allowable|rate|payment|pays?)|payment amounts?|reimburse(?:ment|s|d)?|how much (?:does|will|would|do) (?:Medicare |they )?pay|fee schedule amounts?',
    'tarifas?|honorarios?|monto permitido|importe permitido|cu[aá]nto paga|reembolso',
    'tarifs?|montant autoris[ée]|combien (?:paie|rembourse)',
    'Geb[üu]hr(?:en)?|Verg[üu]tung|erlaubte[rn]? Betrag|wie viel zahlt',
    'mức phí|số tiền cho phép|trả bao nhiêu',
    // Not "singil"/"bayad" alone: they also mean billing ("puwede bang singilin nang sabay").
    'halagang pinapayagan|magkano ang (?:bayad|babayaran)',
    'тариф\\p{L}*|допустим\\p{L}* сумм\\p{L}*|сколько плат\\p{L}*',
  ].join('|'),
  // Not 收费 alone: "可以一起收费吗" asks whether two codes may be billed together.
  '费用|收费标准|允许金额|支付多少|수가|허용 금액|얼마를 지급|الرسوم|رسوم|المبلغ المسموح|كم تدفع',
);

/** "What code for …", "HCPCS code for …", "¿qué código …?", "welcher Code …". */
export const codeSearchCue = wordPattern(
  '(?:what|which)(?: \\p{L}+)?(?: \\p{L}+)? codes?|(?:ICD(?:-?10)?(?:-?CM)?|HCPCS|CPT) codes? for|codes? (?:for|to use|would I use)|how (?:do|should|would) (?:I|we|you) code|(?:qu[eé]|cu[aá]l(?:es)?)(?: \\p{L}+)? c[oó]digos?|c[oó]digos? (?:para|de)|c[oó]mo (?:se )?codific\\p{L}*|quels? codes?|codes? (?:pour|de)|comment coder|welche[rn]? (?:\\p{L}+ )?Codes?|Codes? für|wie kodier\\p{L}*|mã nào|mã (?:cho|của)|mã số nào|anong (?:\\p{L}+ )?(?:code|kodigo)|(?:code|kodigo) (?:para sa|ng)|как\\p{L}* (?:\\p{L}+ )?код\\p{L}*|код\\p{L}* для|как закодировать',
  '什么代码|哪个代码|什么编码|哪个编码|代码是|编码是|무슨 코드|어떤 코드|코드는|코드가|ما (?:هو )?(?:الرمز|الكود)|أي رمز|أي كود|رمز ل|كود ل',
);

/** Words that name a code system in a question, and the system they name. */
const systemCues: readonly (readonly [CodeSystem, RegExp])[] = [
  ['hcpcs', wordPattern('HCPCS|HCPC|Level II')],
  [
    'icd10cm',
    wordPattern(
      'ICD(?:-?10)?(?:-?CM)?|diagnos[ie]s|diagnosis|diagn[oó]stico|diagnostic|Diagnose(?:code)?|chẩn đoán|diyagnosis|диагноз\\p{L}*',
      '诊断|진단|تشخيص',
    ),
  ],
  ['cpt', wordPattern('CPT')],
];

/**
 * Words of a code-search question that ask for a code rather than describe the condition or
 * supply ("code", "código", "ICD-10"); left out of the descriptor search.
 */
export const codeQuestionWords = new Set(
  `code codes coding use using código códigos codigo codigos codificar codifica coder Code Codes
  kodieren kodiert mã số kodigo код кода коды кодировать закодировать icd icd10 cm hcpcs hcpc cpt
  level ii diagnosis diagnoses diagnostic diagnose diagnosecode diagnóstico diagnostico chẩn đoán
  diyagnosis диагноз диагноза диагноза`
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words that ask for a list rather than name what is listed ("which LCDs does X have", "¿qué LCD
 * tiene X?"); a list question's other words must each be in some row's column.
 */
export const listQuestionWords = new Set(
  `have has had list lists show give find all any there exist exists available current active
  tiene tienen hay lista listar muestra dame existe existen vigente vigentes ont existe liste
  montre donne toutes tous hat haben gibt zeige alle aktuelle có những liệt kê hiện hành may mga
  ipakita lahat есть имеет имеют покажи все действующие`
    .split(/\s+/)
    .filter(Boolean),
);

export type FactIntent = 'table-rows' | 'code-search' | 'fee';

interface Named {
  text: string;
  procedures: readonly string[];
  diagnoses: readonly string[];
}

/** The table a table-rows question reads, from its cue words and codes. */
export function tableAsked(q: Named): FactTableName | null {
  if (gpciCue.test(q.text)) return 'gpci';
  if (q.procedures.length > 0) return rvuCue.test(q.text) ? 'mpfs-rvu' : null;
  if (q.diagnoses.length > 0) return null;
  if (mcdIdsIn(q.text).length > 0 || mcdCue.test(q.text)) return 'mcd-index';
  return null;
}

/**
 * Questions answered from fact tables, before the code-based intents: fee words with a code
 * compute its Medicare fee; a table's cue words (GPCI, LCD/article, RVU with a code) read rows;
 * asking which code to use, with no code named, searches descriptors. Null: the question is
 * for the other intents.
 */
export function factIntent(q: Named): FactIntent | null {
  // A fee is computed for a code: "fee for 64483 in Manhattan" (a locality word is no GPCI row).
  if (q.procedures.length > 0 && feeCue.test(q.text)) return 'fee';
  if (tableAsked(q) !== null) return 'table-rows';
  if (q.procedures.length === 0 && q.diagnoses.length === 0 && codeSearchCue.test(q.text))
    return 'code-search';
  return null;
}

/** The code system a question names ("HCPCS code for …", "ICD-10 code for …"), if any. */
export function systemAsked(text: string): CodeSystem | null {
  for (const [system, pattern] of systemCues) if (pattern.test(text)) return system;
  return null;
}

/** LCD and article ids written in a question ("L39242", "a58995"), upper-cased. */
export function mcdIdsIn(text: string): string[] {
  const ids = text.match(/(?<![\p{L}\p{N}])D?[LA]\d{5}(?![\p{L}\p{N}])/giu) ?? [];
  return [...new Set(ids.map((id) => id.toUpperCase()))];
}
