import { CodecardError } from '../errors/codecard-error.ts';
import { isoOf, NEVER_AFTER, NEVER_BEFORE } from '../domain/day.ts';
import type { CodeJudgement } from './code-validity.service.ts';
import { descriptorPeriod } from './descriptor-source.ts';

/**
 * The NOT_FOUND for a code that is not valid on the date, saying why: no row anywhere, the row's
 * end or start, no release for the date, a stale release, or where the code is listed instead.
 */
export function notFound(rawCode: string, dos: string, judged: CodeJudgement): CodecardError {
  const { verdict, code } = judged;
  const elsewhere = judged.rows[0];
  if (!elsewhere) {
    if (verdict?.kind === 'no-release-for-date') {
      return new CodecardError('NOT_FOUND', {
        detail: `the library has no code ${rawCode} in force on ${dos}: it holds no ${judged.system} release for that date`,
      });
    }
    return new CodecardError('NOT_FOUND', { detail: `the library has no code ${rawCode}` });
  }
  const why = (() => {
    switch (verdict?.kind) {
      case 'ended':
        return `"${verdict.held.row.title}" ends ${code} on ${verdict.held.row.row_to ?? '?'}`;
      case 'not-yet':
        return `"${verdict.held.row.title}" starts ${code} on ${verdict.held.row.row_from ?? '?'}`;
      case 'no-release-for-date':
        return `the library holds no ${judged.system} release for that date`;
      case 'stale-unknown':
        return `the library's ${judged.system} release in force (${verdict.release.label ?? '?'}) is older than the date calls for`;
      case 'valid':
      case 'not-billable':
      case 'not-in-library':
      case undefined: {
        const period = descriptorPeriod(elsewhere);
        const from = period.from === NEVER_BEFORE ? 'the start' : isoOf(period.from);
        const to = period.until === NEVER_AFTER ? 'now' : isoOf(period.until - 1);
        return `"${elsewhere.title}" lists ${elsewhere.code} for ${from} to ${to}`;
      }
    }
  })();
  return new CodecardError('NOT_FOUND', {
    detail: `the library has no code ${rawCode} in force on ${dos}; ${why} (use --dos)`,
  });
}
