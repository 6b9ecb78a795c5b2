import type { z } from 'zod';
import type { factOriginSchema } from '../../../../src/contracts/ehr.ts';
import { useT } from '../../i18n/locale-context.tsx';

type FactOrigin = z.infer<typeof factOriginSchema>;

/** Where a fact on the case view came from: "From the chart" or "From your library". */
export function OriginTag({ origin }: { origin: FactOrigin }) {
  const t = useT();
  return <span className={`origin-tag origin-${origin}`}>{t(`ehr.origin.${origin}`)}</span>;
}
