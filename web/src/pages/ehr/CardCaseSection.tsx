import type { z } from 'zod';
import type { ehrStatusSchema } from '../../../../src/contracts/ehr.ts';
import { useApi } from '../../api/use-api.ts';
import { RequestAccess } from './RequestAccess.tsx';
import './ehr.css';

type EhrStatus = z.infer<typeof ehrStatusSchema>;

/**
 * The card's "case-specific" place: where the organization has no EHR connection, the note
 * that case-specific answers need one and a button to ask for it. Nothing while the status is
 * unknown or fails (the card itself is unaffected), nor when case answers are on.
 */
export function CardCaseSection() {
  const status = useApi<EhrStatus>('/api/ehr/status');
  if (!status.data || status.data.enabled) return null;
  return (
    <div className="card-case no-print">
      <RequestAccess requested={status.data.requested} />
    </div>
  );
}
