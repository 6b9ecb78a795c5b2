import type { z } from 'zod';
import type { CaseAnswer, ehrStatusSchema } from '../../../../src/contracts/ehr.ts';
import { hasEhrCase } from '../../api/ehr-session.ts';
import { useApi } from '../../api/use-api.ts';
import { ForCaseSection } from './ForCaseSection.tsx';
import { RequestAccess } from './RequestAccess.tsx';
import './ehr.css';

type EhrStatus = z.infer<typeof ehrStatusSchema>;

/**
 * The card's "case-specific" place. With an open EHR case (a case token held): the code "for
 * this patient", asked apart from the shared card. Otherwise, where the organization has no EHR
 * connection, the note that case-specific answers need one and a button to ask for it. Nothing
 * while either is unknown or fails (the card itself is unaffected), nor when case answers are on.
 */
export function CardCaseSection({
  system,
  code,
  lang,
}: {
  system: string;
  code: string;
  lang: string;
}) {
  if (hasEhrCase()) return <CardForCase system={system} code={code} lang={lang} />;
  return <CardAccessNote />;
}

function CardForCase({ system, code, lang }: { system: string; code: string; lang: string }) {
  const path = `/api/ehr/case/codes/${encodeURIComponent(system)}/${encodeURIComponent(code)}`;
  const forCase = useApi<CaseAnswer>(`${path}?lang=${encodeURIComponent(lang)}`);
  if (!forCase.data) return null;
  return (
    <div className="card-case">
      <ForCaseSection forCase={forCase.data} idPrefix="card" />
    </div>
  );
}

function CardAccessNote() {
  const status = useApi<EhrStatus>('/api/ehr/status');
  if (!status.data || status.data.enabled) return null;
  return (
    <div className="card-case no-print">
      <RequestAccess requested={status.data.requested} />
    </div>
  );
}
