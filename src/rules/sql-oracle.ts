import { sql, type Kysely } from 'kysely';
import type { Claim } from '../claims/claim-types.ts';
import type { Database } from '../db/schema.ts';
import type { LocaleCode } from '../domain/locale.ts';
import { camel } from '../i18n/select-key.ts';
import { t } from '../i18n/translate.ts';
import type { Finding } from './finding.ts';

/**
 * The PTP and MUE rules written a second time, in plain SQL over the library tables: the oracle
 * the in-memory engine is tested against (the same findings for every claim). Slow by design;
 * never used to answer users. Its line table numbers lines from 1, so findings carry 1-based
 * line numbers like `checkEdits`.
 */
export async function oracleFindings(
  db: Kysely<Database>,
  orgId: string,
  claim: Claim,
  lang: LocaleCode = 'en',
): Promise<Finding[]> {
  if (claim.lines.length === 0) return [];
  const lines = sql.join(
    claim.lines.map(
      (l, i) =>
        sql`(${i + 1}::int, ${l.code}::text, ${sql`array[${sql.join(l.modifiers.length ? l.modifiers : [''])}]::text[]`}, ${l.units}::int, ${l.dateOfService}::date, ${l.provider}::text)`,
    ),
  );
  // Release precedence restated in SQL: per line pair and ordered code pair, the newest release
  // whose row decides the day (covers it, or states dates that exclude it) speaks.
  const ptp = await sql<{
    a: number;
    b: number;
    column1: string;
    column2: string;
    indicator: number;
    document_id: number;
    title: string;
    release: string | null;
    locator: string;
  }>`
    with lines(idx, code, mods, units, dos, provider) as (values ${lines}),
    releases as (
      select id, title, release, setting, effective_from, effective_to,
        row_number() over (order by effective_from nulls first, imported_at, id) as rank
      from documents where org_id = ${orgId} and kind in ('ncci-ptp', 'ncci-mue')
    ),
    candidates as (
      select a.idx as a, b.idx as b, a.dos, e.column1, e.column2, e.modifier_indicator, e.locator,
        r.id as document_id, r.title, r.release, r.rank,
        coalesce(e.effective_from, r.effective_from) as row_from,
        coalesce(e.deletion_date, r.effective_to) as row_to,
        e.effective_from is not null as start_stated, e.deletion_date is not null as end_stated
      from lines a
        join lines b on a.idx < b.idx and a.dos = b.dos and a.code <> b.code
          and (a.provider is null or b.provider is null or a.provider = b.provider)
        join ptp_edits e on e.org_id = ${orgId}
          and ((e.column1 = a.code and e.column2 = b.code) or (e.column1 = b.code and e.column2 = a.code))
        join releases r on r.id = e.document_id and r.setting = ${claim.setting}
    ),
    decisive as (
      select *, (row_from is null or row_from <= dos) and (row_to is null or row_to >= dos) as covers
      from candidates
      where ((row_from is null or row_from <= dos) and (row_to is null or row_to >= dos))
        or (end_stated and row_to < dos) or (start_stated and row_from > dos)
    ),
    deciders as (
      select distinct on (a, b, column1, column2) * from decisive
      order by a, b, column1, column2, rank desc
    )
    select a, b, column1, column2, modifier_indicator as indicator, document_id, title, release, locator
    from deciders where covers and modifier_indicator <> 9`.execute(db);
  const findings: Finding[] = [];
  for (const r of ptp.rows) {
    const codes = { column1: r.column1, column2: r.column2 };
    const citations = [
      { documentId: r.document_id, title: r.title, version: r.release, locator: r.locator },
    ];
    const column2Line = claim.lines[r.a - 1]!.code === r.column2 ? r.a : r.b;
    const column1Line = column2Line === r.a ? r.b : r.a;
    const placed = oracleBypass(claim.lines[column1Line - 1]!, claim.lines[column2Line - 1]!);
    if (r.indicator === 0) {
      findings.push({
        rule: 'ptp',
        severity: 'error',
        lines: [column2Line],
        codes: [r.column1, r.column2],
        message: t(lang, 'finding.ptpNotAllowed', codes),
        citations,
      });
    } else if (placed.bypass) {
      findings.push({
        rule: 'ptp',
        severity: 'info',
        lines: [r.a, r.b],
        codes: [r.column1, r.column2],
        modifiers: [placed.bypass],
        message: t(lang, 'finding.ptpBypassed', { ...codes, modifier: placed.bypass }),
        citations,
      });
    } else {
      findings.push({
        rule: 'ptp',
        severity: 'error',
        lines: [column2Line],
        codes: [r.column1, r.column2],
        message: t(lang, 'finding.ptpModifierRequired', codes),
        fix: t(lang, 'finding.ptpModifierFix', codes),
        citations,
      });
      if (placed.misuse) {
        findings.push({
          rule: 'ptp',
          severity: 'warning',
          lines: [r.a, r.b],
          codes: [r.column1, r.column2],
          modifiers: [placed.misuse.modifier],
          message: t(lang, 'verdict.ptpModifierMisuse', {
            ...codes,
            modifier: placed.misuse.modifier,
            why: camel(placed.misuse.why),
          }),
          citations,
        });
      }
    }
  }
  const mue = await sql<{
    lines: number[];
    code: string;
    units: number;
    value: number;
    adjudication: number | null;
    document_id: number;
    title: string;
    release: string | null;
    locator: string;
  }>`
    with lines(idx, code, mods, units, dos, provider) as (values ${lines}),
    hits as (
      select l.idx, l.code, l.units, l.dos, m.mue_value, m.adjudication, d.id as document_id, d.title, d.release, m.locator
      from lines l
        join mue_edits m on m.org_id = ${orgId} and m.code = l.code
        join documents d on d.id = m.document_id and d.setting = ${claim.setting}
      where (d.effective_from is null or d.effective_from <= l.dos)
        and (d.effective_to is null or d.effective_to >= l.dos)
    )
    select array[idx] as lines, code, units, mue_value as value, adjudication, document_id, title, release, locator
      from hits where adjudication = 1 and units > mue_value
    union all
    select array_agg(idx order by idx), code, sum(units)::int, min(mue_value), min(adjudication), min(document_id), min(title), min(release), min(locator)
      from hits where adjudication is distinct from 1
      group by code, dos having sum(units) > min(mue_value)`.execute(db);
  for (const r of mue.rows) {
    findings.push({
      rule: 'mue',
      severity: 'error',
      lines: r.lines,
      codes: [r.code],
      message: t(lang, 'finding.mueExceeded', {
        code: r.code,
        units: r.units,
        value: r.value,
        adjudication: String(r.adjudication ?? 'other'),
      }),
      fix: t(lang, 'finding.mueFix', { code: r.code, value: r.value }),
      citations: [
        { documentId: r.document_id, title: r.title, version: r.release, locator: r.locator },
      ],
    });
  }
  return findings;
}

const ANATOMIC = /^(E[1-4]|F[1-9A]|T[1-9A]|LT|RT|LC|LD|LM|RC|RI)$/;
const COLUMN_TWO = /^(59|X[ESPU]|91|58|78|79)$/;
const EM_ONLY = /^(25|57|24|27)$/;
const isEm = (code: string) => /^99[2-4][0-9][0-9]$/.test(code);

/** The NCCI modifier placement rules written a second time, as the oracle's own reading. */
function oracleBypass(
  column1: { code: string; modifiers: string[] },
  column2: { code: string; modifiers: string[] },
): { bypass: string | null; misuse: { modifier: string; why: string } | null } {
  const onTwo = column2.modifiers.filter((m) => COLUMN_TWO.test(m));
  if (onTwo[0]) return { bypass: onTwo[0], misuse: null };
  for (const line of [column1, column2]) {
    const em = line.modifiers.filter((m) => EM_ONLY.test(m))[0];
    if (em && isEm(line.code)) return { bypass: em, misuse: null };
  }
  const site1 = column1.modifiers.filter((m) => ANATOMIC.test(m))[0];
  const site2 = column2.modifiers.filter((m) => ANATOMIC.test(m))[0];
  if (site1 && site2)
    return site1 === site2
      ? { bypass: null, misuse: { modifier: site1, why: 'same-site' } }
      : { bypass: site2, misuse: null };
  const onOne = column1.modifiers.filter((m) => COLUMN_TWO.test(m))[0];
  if (onOne) return { bypass: null, misuse: { modifier: onOne, why: 'column-one-line' } };
  const site = site1 ?? site2;
  if (site) return { bypass: null, misuse: { modifier: site, why: 'one-site' } };
  const em = [...column1.modifiers, ...column2.modifiers].filter((m) => EM_ONLY.test(m))[0];
  if (em) return { bypass: null, misuse: { modifier: em, why: 'not-evaluation-and-management' } };
  return { bypass: null, misuse: null };
}
