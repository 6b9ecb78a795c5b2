import type { CaseAnswer } from '../../../../src/contracts/ehr.ts';
import { useApi } from '../../api/use-api.ts';
import { ForCaseSection } from './ForCaseSection.tsx';
import './ehr.css';

/**
 * The card's code "for this patient" while an EHR case is open (a case token held): asked apart
 * from the shared, cached card (GET /api/ehr/case/codes/…). Nothing while loading or on failure
 * (the card itself is unaffected).
 */
export function CardForCase({
  system,
  code,
  lang,
}: {
  system: string;
  code: string;
  lang: string;
}) {
  const path = `/api/ehr/case/codes/${encodeURIComponent(system)}/${encodeURIComponent(code)}`;
  const forCase = useApi<CaseAnswer>(`${path}?lang=${encodeURIComponent(lang)}`);
  if (!forCase.data) return null;
  return (
    <div className="card-case">
      <ForCaseSection forCase={forCase.data} idPrefix="card" />
    </div>
  );
}
