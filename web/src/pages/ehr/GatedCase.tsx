import type { z } from 'zod';
import type { ehrStatusSchema } from '../../../../src/contracts/ehr.ts';
import { useApi } from '../../api/use-api.ts';
import { RequestAccess } from './RequestAccess.tsx';

type EhrStatus = z.infer<typeof ehrStatusSchema>;

/**
 * `/case` answered 403 (no EHR connection): the gating note as the page, saying whether the
 * caller has already asked (the status; a failed status reads as not asked).
 */
export function GatedCase() {
  const status = useApi<EhrStatus>('/api/ehr/status');
  if (status.loading) return null;
  return <RequestAccess requested={status.data?.requested ?? false} headingLevel={1} />;
}
