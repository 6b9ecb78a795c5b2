import { t, type MessageKey } from '../../i18n/translate.ts';
import type { LocaleCode } from '../../domain/locale.ts';
import type { Answer, AnswerTable } from '../ask-types.ts';
import { listQuestionWords, mcdCue, mcdIdsIn, tableAsked } from '../fact-intent.ts';
import { questionTerms } from '../question-terms.ts';
import {
  findMcdRows,
  findRvuRows,
  gpciRowsInForce,
  mcdContractors,
  tablePresence,
  wordsInMcdTitles,
  type FactTableName,
  type GpciRow,
  type McdRow,
  type RvuTableRow,
} from '../table-facts.repository.ts';
import { contractorsNamed, matchLocalities } from '../table-match.ts';
import type { AnswerInput } from './answer-input.ts';
import { answerNotFound } from './not-found.answer.ts';
import { rowCitation } from '../../library/citations.ts';

/** What to answer with when the rows do not (passages, say); null when nothing does. */
export type Fallback = () => Promise<Answer | null>;

const MAX_ROWS = 25;
const selectName: Record<FactTableName, string> = {
  gpci: 'gpci',
  'mcd-index': 'mcd',
  'mpfs-rvu': 'rvu',
};

/**
 * Answers from the rows of a library table (GPCI localities, the coverage database index, RVU
 * rows), each row with its columns and cited by document, version and line. Rows are matched
 * column by column. A library without the table says which table it lacks; both that and a
 * question no row matches are refusals, recorded as gaps.
 */
export async function answerTableRows(input: AnswerInput, fallback: Fallback): Promise<Answer> {
  const { ctx, question, dos } = input;
  // Decided on the codes written, as the intent was (a thread's codes do not make it RVU).
  const table = tableAsked(question);
  if (table === null) return (await fallback()) ?? answerNotFound(input);
  const presence = await tablePresence(ctx.db, ctx.orgId, table, dos);
  // The coverage database may be in the library as documents (LCD PDFs): passages come first.
  const passagesFirst = table === 'mcd-index';
  if (!presence.any || !presence.inForce) {
    const passages = passagesFirst ? await fallback() : null;
    if (passages) return passages;
    const key = presence.any ? 'facts.noTableOnDate' : 'facts.lacksTable';
    return refusal(input, table, t(input.lang, key, { system: selectName[table], date: dos }));
  }
  const answered =
    table === 'gpci'
      ? await gpciAnswer(input)
      : table === 'mcd-index'
        ? await mcdAnswer(input)
        : await rvuAnswer(input);
  if (answered) return answered;
  const passages = passagesFirst ? await fallback() : null;
  return (
    passages ??
    refusal(input, table, t(input.lang, 'facts.noRows', { system: selectName[table], date: dos }))
  );
}

async function refusal(input: AnswerInput, table: FactTableName, text: string): Promise<Answer> {
  const notFound = await answerNotFound(input);
  return { ...notFound, text: `${text}\n${notFound.text}`, lacks: table };
}

function labels(lang: LocaleCode, keys: readonly MessageKey[]): string[] {
  return keys.map((key) => t(lang, key));
}

/** A row as "column: value" pairs, empty cells left out. */
function rowLine(columns: readonly string[], cells: readonly string[]): string {
  return cells
    .map((cell, i) => (cell === '' ? '' : `${columns[i] ?? ''}: ${cell}`))
    .filter((pair) => pair !== '')
    .join(' · ');
}

function tableAnswer(
  heading: string,
  table: AnswerTable,
  after: readonly string[] = [],
  codes: string[] = [],
): Answer {
  return {
    kind: 'table-rows',
    text: [
      heading,
      ...table.rows.map((row) => `- ${rowLine(table.columns, row.cells)}`),
      ...after,
    ].join('\n'),
    codes,
    citations: table.rows.map((row) => row.citation),
    confidence: 1,
    table,
  };
}

async function gpciAnswer(input: AnswerInput): Promise<Answer | null> {
  const all = await gpciRowsInForce(input.ctx.db, input.ctx.orgId, input.dos);
  const { rows, partial } = matchLocalities(input.question.text, all);
  if (rows.length === 0) return null;
  const first = rows[0]!;
  const columns = labels(input.lang, [
    'facts.column.mac',
    'facts.column.state',
    'facts.column.localityNumber',
    'facts.column.localityName',
    'facts.column.workGpci',
    'facts.column.peGpci',
    'facts.column.mpGpci',
  ]);
  const cells = (r: GpciRow) => [
    r.mac,
    r.state,
    r.locality_number,
    r.locality_name,
    r.work_gpci ?? '',
    r.pe_gpci ?? '',
    r.mp_gpci ?? '',
  ];
  const after: string[] = [];
  // "Texas" names REST OF TEXAS; the state's other localities are named so none is missed.
  for (const state of partial ? new Set(rows.map((r) => r.state)) : []) {
    const others = all.filter((r) => r.state === state && !rows.includes(r));
    if (others.length === 0) continue;
    after.push(
      t(input.lang, 'facts.gpciOtherLocalities', {
        code: state,
        codes: others.map((r) => r.locality_name).join(', '),
      }),
    );
  }
  for (const note of new Set(rows.flatMap((r) => r.notes))) {
    after.push(t(input.lang, 'facts.tableNote', { text: note }));
  }
  const heading = t(input.lang, 'facts.gpciRows', {
    count: rows.length,
    text: first.title,
    version: first.release ?? '-',
  });
  const table: AnswerTable = {
    table: 'gpci',
    columns,
    rows: rows.slice(0, MAX_ROWS).map((r) => ({ cells: cells(r), citation: rowCitation(r) })),
    total: rows.length,
  };
  return tableAnswer(heading, table, after);
}

const articleWords = /article|art[ií]culo|Artikel|bài viết|artikulo|стать|文章|기사|مقال/iu;
const lcdWords =
  /LCD|local coverage|cobertura local|couverture locale|Deckungsentscheidung|địa phương|местн|地方覆盖|지역 보장|التغطية المحلي/iu;

async function mcdAnswer(input: AnswerInput): Promise<Answer | null> {
  const { ctx, dos } = input;
  const text = input.question.text;
  const ids = mcdIdsIn(text);
  const named = contractorsNamed(text, await mcdContractors(ctx.db, ctx.orgId));
  const asksLcd = lcdWords.test(text);
  const asksArticle = articleWords.test(text);
  const candidates = questionTerms(text).words.filter(
    (w) => !named.words.includes(w) && !mcdCue.test(w) && !ids.includes(w.toUpperCase()),
  );
  const standing = ids.length > 0 ? [] : await wordsInMcdTitles(ctx.db, ctx.orgId, candidates);
  const titleWords = standing.filter((w) => w.standing === 'title').map((w) => w.word);
  // A word no title has ("unicorn therapy") means the index does not hold what was asked.
  if (standing.some((w) => w.standing === 'none' && !listQuestionWords.has(w.word))) return null;
  if (ids.length === 0 && named.names.length === 0 && titleWords.length === 0) return null;
  const { rows, total } = await findMcdRows(ctx.db, {
    orgId: ctx.orgId,
    dos,
    ids,
    contractors: named.names,
    titleWords,
    documentType: asksLcd === asksArticle ? null : asksLcd ? 'LCD' : 'Article',
    limit: MAX_ROWS,
  });
  if (rows.length === 0) return null;
  const first = rows[0]!;
  const columns = labels(input.lang, [
    'facts.column.documentId',
    'facts.column.documentType',
    'facts.column.title',
    'facts.column.contractor',
    'facts.column.version',
    'facts.column.effective',
    'facts.column.retired',
    'facts.column.link',
  ]);
  const cells = (r: McdRow) => [
    r.display_id,
    r.document_type,
    r.doc_title,
    r.contractors.join('; '),
    r.document_version ?? '',
    r.effective_date ?? '',
    r.retirement_date ?? '',
    r.url ?? '',
  ];
  const heading = t(input.lang, 'facts.mcdRows', {
    count: total,
    text: first.title,
    version: first.release ?? '-',
  });
  const after =
    total > rows.length ? [t(input.lang, 'facts.mcdShown', { value: rows.length })] : [];
  const table: AnswerTable = {
    table: 'mcd-index',
    columns,
    rows: rows.map((r) => ({ cells: cells(r), citation: rowCitation(r) })),
    total,
  };
  return tableAnswer(heading, table, after);
}

/** Older imports kept only the indicators; their columns are named as the CMS file names them. */
const indicatorColumns: readonly [string, keyof RvuTableRow][] = [
  ['STATUS CODE', 'status_code'],
  ['GLOB DAYS', 'global_days'],
  ['MULT PROC', 'multiple_procedure'],
  ['BILAT SURG', 'bilateral_surgery'],
  ['ASST SURG', 'assistant_surgery'],
  ['CO-SURG', 'co_surgeons'],
  ['TEAM SURG', 'team_surgery'],
];

async function rvuAnswer(input: AnswerInput): Promise<Answer | null> {
  const codes = input.procedures;
  const rows = await findRvuRows(input.ctx.db, input.ctx.orgId, input.dos, codes);
  if (rows.length === 0) return null;
  const fileColumns = (r: RvuTableRow): [string, string][] =>
    r.columns ?? indicatorColumns.map(([label, field]) => [label, String(r[field] ?? '')]);
  const names: string[] = [];
  for (const row of rows) {
    for (const [label] of fileColumns(row)) if (!names.includes(label)) names.push(label);
  }
  const columns = [...labels(input.lang, ['facts.column.code', 'facts.column.modifier']), ...names];
  const cells = (r: RvuTableRow) => {
    const own = new Map(fileColumns(r));
    return [r.code, r.modifier ?? '', ...names.map((name) => own.get(name) ?? '')];
  };
  const first = rows[0]!;
  const found = [...new Set(rows.map((r) => r.code))];
  const heading = t(input.lang, 'facts.rvuRows', {
    codes: found.join(', '),
    text: first.title,
    version: first.release ?? '-',
  });
  const table: AnswerTable = {
    table: 'mpfs-rvu',
    columns,
    rows: rows.slice(0, MAX_ROWS).map((r) => ({ cells: cells(r), citation: rowCitation(r) })),
    total: rows.length,
  };
  return tableAnswer(heading, table, [], found);
}
