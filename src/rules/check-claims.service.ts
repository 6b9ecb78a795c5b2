import type { Claim } from '../claims/claim-types.ts';
import type { LocaleCode } from '../i18n/locales.ts';
import type { LibraryContext } from '../library/library-context.ts';
import { checkClaim } from './check-claim.ts';
import { editIndexFor } from './edit-index-cache.ts';
import type { Finding } from './finding.ts';

export interface ClaimResult {
  id: string;
  findings: Finding[];
  summary: { errors: number; warnings: number; infos: number };
}

/** Checks claims against the library's shared edit index. */
export async function checkClaims(
  ctx: LibraryContext,
  claims: readonly Claim[],
  lang: LocaleCode,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ClaimResult[]> {
  const index = await editIndexFor(ctx);
  return claims.map((claim, i) => {
    const findings = checkClaim(claim, index, lang);
    if ((i + 1) % 10_000 === 0) onProgress(i + 1, claims.length);
    return {
      id: claim.id,
      findings,
      summary: {
        errors: findings.filter((f) => f.severity === 'error').length,
        warnings: findings.filter((f) => f.severity === 'warning').length,
        infos: findings.filter((f) => f.severity === 'info').length,
      },
    };
  });
}
