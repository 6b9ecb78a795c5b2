import type { Condition, ServiceRequest } from '@medplum/fhirtypes';
import type { CaseAnswer, CaseFact, EhrCase } from '../contracts/ehr.ts';
import { isHcpcsCode, isIcd10cmCode, isProcedureCode } from '../domain/code-shape.ts';
import type { LocaleCode } from '../domain/locale.ts';
import { t } from '../i18n/translate.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { listed } from '../rules/listed.ts';
import { checkCase } from './case-check.ts';
import { caseFromFhir } from './case-from-fhir.ts';
import type { FhirCaseResources } from './fhir-case-resources.ts';

type Finding = EhrCase['check']['findings'][number];

/** The id prefix of a code the question asks about that the chart does not have. */
const askedId = 'codecard-asked-';

/**
 * The asked codes "for this patient": the case check (checkCase, the same rules and rows) run on
 * the encounter, with an asked code the chart lacks checked as if ordered on the encounter's date.
 * Facts from the chart: where each asked code stands on the encounter, the other procedures that
 * day the findings name, the encounter's diagnoses. Facts from the library: each finding that
 * involves an asked code (or a diagnosis's validity on the date), with the rows it cites.
 */
export async function caseAnswer(
  ctx: LibraryContext,
  resources: FhirCaseResources,
  codes: readonly string[],
  lang: LocaleCode,
): Promise<CaseAnswer> {
  const asked = [...new Set(codes)];
  const inChart = caseFromFhir(resources, { lang });
  const missingProcedures = asked.filter(
    (c) => isProcedureCode(c) && !inChart.procedures.some((p) => p.code === c),
  );
  const missingDiagnoses = asked.filter(
    (c) => isIcd10cmCode(c) && !inChart.diagnoses.some((d) => d.code === c),
  );
  const checked = await checkCase(
    ctx,
    {
      ...resources,
      serviceRequests: [...resources.serviceRequests, ...missingProcedures.map(askedOrder)],
      conditions: [...resources.conditions, ...missingDiagnoses.map(askedCondition)],
    },
    { lang },
  );
  const findings = checked.check.findings.filter((f) => involves(f, asked, inChart.diagnoses));
  const facts: CaseFact[] = [
    ...chartFacts(checked, asked, findings, lang),
    ...findings.map((f) => ({
      text: f.fix ? `${f.message} ${f.fix}` : f.message,
      origin: 'library' as const,
      citations: f.citations,
    })),
  ];
  if (findings.length === 0)
    facts.push({
      text: t(lang, 'ehr.answer.noFindings', { codes: listed(asked) }),
      origin: 'library',
      citations: [],
    });
  return {
    encounterId: checked.encounterId,
    dateOfService: checked.dateOfService,
    setting: checked.setting,
    codes: asked,
    facts,
  };
}

/** A finding about an asked code, or about the validity of one of the encounter's diagnoses. */
function involves(
  finding: Finding,
  asked: readonly string[],
  diagnoses: EhrCase['diagnoses'],
): boolean {
  if (finding.codes.some((c) => asked.includes(c))) return true;
  return (
    finding.rule === 'code-validity' &&
    finding.codes.some((c) => diagnoses.some((d) => d.code === c))
  );
}

function chartFacts(
  checked: EhrCase,
  asked: readonly string[],
  findings: readonly Finding[],
  lang: LocaleCode,
): CaseFact[] {
  const date = checked.dateOfService;
  const chart = (text: string, from: CaseFact['from'] = []): CaseFact => ({
    text,
    origin: 'chart',
    citations: [],
    from,
  });
  const facts: CaseFact[] = [];
  for (const code of asked) {
    const procedure = checked.procedures.find((p) => p.code === code);
    const diagnosis = checked.diagnoses.find((d) => d.code === code);
    const found = procedure ?? diagnosis;
    if (!found) continue;
    if (found.from.id.startsWith(askedId))
      facts.push(chart(t(lang, 'ehr.answer.notOnEncounter', { code, date })));
    else if (procedure)
      facts.push(
        chart(
          t(lang, 'ehr.answer.onEncounter', {
            code,
            date,
            units: procedure.units,
            modifiers: procedure.modifiers.length > 0 ? procedure.modifiers.join(', ') : '—',
          }),
          [procedure.from],
        ),
      );
  }
  // The encounter's other procedures that day the findings name (the other side of a PTP pair…).
  const named = new Set(findings.flatMap((f) => f.codes));
  for (const p of checked.procedures) {
    if (asked.includes(p.code) || !named.has(p.code) || p.from.id.startsWith(askedId)) continue;
    facts.push(chart(t(lang, 'ehr.answer.sameDay', { code: p.code, date }), [p.from]));
  }
  const diagnoses = checked.diagnoses.filter((d) => !d.from.id.startsWith(askedId));
  facts.push(
    diagnoses.length > 0
      ? chart(
          t(lang, 'ehr.answer.diagnoses', { diagnoses: listed(diagnoses.map((d) => d.code)) }),
          diagnoses.map((d) => d.from),
        )
      : chart(t(lang, 'ehr.answer.noDiagnoses')),
  );
  return facts;
}

function askedOrder(code: string): ServiceRequest {
  const system = isHcpcsCode(code)
    ? 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets'
    : 'http://www.ama-assn.org/go/cpt';
  return {
    resourceType: 'ServiceRequest',
    id: `${askedId}${code}`,
    status: 'draft',
    intent: 'proposal',
    subject: {},
    code: { coding: [{ system, code }] },
  };
}

function askedCondition(code: string): Condition {
  return {
    resourceType: 'Condition',
    id: `${askedId}${code}`,
    subject: {},
    code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code }] },
  };
}
