import { sql, type Kysely } from 'kysely';
import type { Claim } from '../claims/claim-types.ts';
import type { Database } from '../db/schema.ts';
import type { LocaleCode } from '../i18n/locales.ts';
import { t } from '../i18n/translate.ts';
import type { Finding } from './finding.ts';

/**
 * The PTP and MUE rules written a second time, in plain SQL over the library tables: the oracle
 * the in-memory engine is tested against (the same findings for every claim). Slow by design;
 * never used to answer users.
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
        sql`(${i}::int, ${l.code}::text, ${sql`array[${sql.join(l.modifiers.length ? l.modifiers : [''])}]::text[]`}, ${l.units}::int, ${l.dateOfService}::date, ${l.provider}::text)`,
    ),
  );
  const ptp = await sql<{
    a: number;
    b: number;
    column1: string;
    column2: string;
    indicator: number;
    bypass: string | null;
    document_id: number;
    title: string;
    release: string | null;
    locator: string;
  }>`
    with lines(idx, code, mods, units, dos, provider) as (values ${lines})
    select a.idx as a, b.idx as b, e.column1, e.column2, e.modifier_indicator as indicator,
      (select m from (select a.code as c, unnest(a.mods) as m union all select b.code, unnest(b.mods)) x
        where m in ('59','XE','XS','XP','XU','E1','E2','E3','E4','FA','F1','F2','F3','F4','F5','F6',
          'F7','F8','F9','TA','T1','T2','T3','T4','T5','T6','T7','T8','T9','LT','RT','LC','LD','LM',
          'RC','RI','24','27','91')
          or (m in ('25','57') and c ~ '^99[2-4][0-9][0-9]$')
        limit 1) as bypass,
      d.id as document_id, d.title, d.release, e.locator
    from lines a
      join lines b on a.idx < b.idx and a.dos = b.dos and a.code <> b.code
        and (a.provider is null or b.provider is null or a.provider = b.provider)
      join ptp_edits e on e.org_id = ${orgId}
        and ((e.column1 = a.code and e.column2 = b.code) or (e.column1 = b.code and e.column2 = a.code))
      join documents d on d.id = e.document_id and d.setting = ${claim.setting}
    where (d.effective_from is null or d.effective_from <= a.dos)
      and (d.effective_to is null or d.effective_to >= a.dos)
      and (e.effective_from is null or e.effective_from <= a.dos)
      and (e.deletion_date is null or e.deletion_date > a.dos)
      and e.modifier_indicator <> 9`.execute(db);
  const findings: Finding[] = [];
  for (const r of ptp.rows) {
    const codes = { column1: r.column1, column2: r.column2 };
    const citations = [
      { documentId: r.document_id, title: r.title, version: r.release, locator: r.locator },
    ];
    const column2Line = claim.lines[r.a]!.code === r.column2 ? r.a : r.b;
    if (r.indicator === 0) {
      findings.push({
        rule: 'ptp',
        severity: 'error',
        lines: [column2Line],
        codes: [r.column1, r.column2],
        message: t(lang, 'finding.ptpNotAllowed', codes),
        citations,
      });
    } else if (r.bypass) {
      findings.push({
        rule: 'ptp',
        severity: 'info',
        lines: [r.a, r.b],
        codes: [r.column1, r.column2],
        modifiers: [r.bypass],
        message: t(lang, 'finding.ptpBypassed', { ...codes, modifier: r.bypass }),
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
